import Foundation
import XCTest

@testable import ECSCore

/// Nonces and request ids: UUID v4 text, unique across many draws and concurrent callers.
final class UniqueIdentifierSourceTests: XCTestCase {
    func testIdentifiersAreVersion4UUIDText() {
        let source = UniqueIdentifierSource()
        for _ in 0..<1_000 {
            let id = source.next()
            XCTAssertEqual(id.count, 36, id)
            XCTAssertEqual(UUID(uuidString: id)?.uuidString, id, "parses as a UUID and prints the same (upper case)")
            let characters = Array(id)
            XCTAssertEqual(characters[14], "4", id)
            XCTAssertTrue("89AB".contains(characters[19]), id)
            XCTAssertEqual([8, 13, 18, 23].map { characters[$0] }, ["-", "-", "-", "-"], id)
        }
    }

    func testManyDrawsFromConcurrentCallersAreUnique() async {
        let source = UniqueIdentifierSource.shared
        let all = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { (0..<25_000).map { _ in source.next() } } }
            var all: [String] = []
            for await part in group { all += part }
            return all
        }
        XCTAssertEqual(Set(all).count, 100_000)
    }

    func testTheSeedDecidesTheSequence() {
        let a = UniqueIdentifierSource(seed: (1, 2, 3, 4))
        let b = UniqueIdentifierSource(seed: (1, 2, 3, 4))
        let c = UniqueIdentifierSource(seed: (1, 2, 3, 5))
        let zero = UniqueIdentifierSource(seed: (0, 0, 0, 0))
        let first = (0..<5).map { _ in a.next() }
        XCTAssertEqual(first, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(first, (0..<5).map { _ in c.next() })
        XCTAssertNotEqual(zero.next(), zero.next(), "an all-zero seed does not stick at zero")
        XCTAssertNotEqual(UniqueIdentifierSource().next(), UniqueIdentifierSource().next(), "system seeds differ")
    }
}
