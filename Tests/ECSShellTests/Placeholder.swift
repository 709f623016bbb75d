import XCTest

final class ECSShellTestsPlaceholder: XCTestCase {}
