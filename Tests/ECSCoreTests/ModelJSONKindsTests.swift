import XCTest
@testable import ECSCore

final class ModelJSONKindsTests: XCTestCase {
    func testParseKeepsEachJSONKind() throws {
        let value = try JSONValue.parse(#"{"t":true,"f":false,"zero":0,"one":1,"big":9223372036854775807,"huge":18446744073709551615,"frac":2.0,"exp":1e2,"n":null,"s":"1","a":[true,1,"x"]}"#)
        XCTAssertEqual(value["t"], .bool(true))
        XCTAssertEqual(value["f"], .bool(false))
        XCTAssertEqual(value["zero"], .int(0), "0 is a number, not false")
        XCTAssertEqual(value["one"], .int(1), "1 is a number, not true")
        XCTAssertEqual(value["big"], .int(Int64.max))
        XCTAssertEqual(value["huge"], .double(18446744073709551615))
        // JSONDecoder sees values, not their spelling: whole numbers are integers however written.
        XCTAssertEqual(value["frac"], .int(2))
        XCTAssertEqual(value["exp"], .int(100))
        XCTAssertEqual(try JSONValue.parse("2.5"), .double(2.5))
        XCTAssertEqual(value["n"], .null)
        XCTAssertEqual(value["s"], .string("1"))
        XCTAssertEqual(value["a"], .array([.bool(true), .int(1), .string("x")]))
        XCTAssertThrowsError(try JSONValue.parse("{\"a\": }"))
        XCTAssertEqual(try JSONValue.parse("42"), .int(42), "a bare scalar body is still JSON")
    }
}
