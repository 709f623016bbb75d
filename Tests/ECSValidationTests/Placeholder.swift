import XCTest

final class ECSValidationTestsPlaceholder: XCTestCase {}
