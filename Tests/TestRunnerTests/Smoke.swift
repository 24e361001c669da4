import XCTest
import TestRunner
final class TestRunnerTestsSmoke: XCTestCase { func testModuleLoads() { XCTAssertFalse("TestRunner".isEmpty) } }
