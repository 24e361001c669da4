import XCTest
import Emulator
final class EmulatorTestsSmoke: XCTestCase { func testModuleLoads() { XCTAssertFalse("Emulator".isEmpty) } }
