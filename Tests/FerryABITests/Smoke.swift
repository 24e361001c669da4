import XCTest
import FerryABI
final class FerryABITestsSmoke: XCTestCase { func testModuleLoads() { XCTAssertFalse("FerryABI".isEmpty) } }
