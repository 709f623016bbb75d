import XCTest

final class ECSEmulatorTestsPlaceholder: XCTestCase {}
