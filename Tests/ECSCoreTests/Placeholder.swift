import XCTest

final class ECSCoreTestsPlaceholder: XCTestCase {}
