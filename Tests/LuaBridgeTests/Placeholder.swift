import XCTest

final class LuaBridgeTestsPlaceholder: XCTestCase {}
