import XCTest

final class ECSLuaTestsPlaceholder: XCTestCase {}
