import XCTest
@testable import LuaBridge

final class CoroutineTests: XCTestCase {
    /// A toy host scheduler: `fetch(x)` yields its coroutine; the host answers later, out of order.
    func testHostFunctionYieldsAndSchedulerResumesWithValues() throws {
        let state = try LuaState()
        state.setGlobal("fetch") { call in
            guard call.isYieldable else { throw TestFailure(description: "fetch must run inside a task") }
            call.pushCopy(of: 1)  // yield the request to the scheduler
            return .yield(1)
        }
        try state.run("""
            function task(name, n)
              local total = 0
              for i = 1, n do
                total = total + fetch(name .. i)
              end
              return name, total
            end
            """)
        var threads: [LuaThread] = []
        var pending: [(Int, LuaValue)] = []
        var results: [Int: [LuaValue]] = [:]
        for (i, spec) in [("a", 3), ("b", 2)].enumerated() {
            state.main.pushGlobal("task")
            let t = try LuaThread(state: state)
            threads.append(t)
            if case .yielded(let req) = try t.resume([.text(spec.0), .integer(Int64(spec.1))]) { pending.append((i, req[0])) }
        }
        // Answer in reverse order: each request's answer is its string length.
        while let (i, request) = pending.popLast() {
            let outcome = try threads[i].resumeReturning([.integer(Int64(request.stringValue!.count))])
            switch outcome {
            case .yielded(let req): pending.insert((i, req[0]), at: 0)
            case .returned(let values): results[i] = values
            }
        }
        XCTAssertEqual(results[0], ["a", .integer(6)])
        XCTAssertEqual(results[1], ["b", .integer(4)])
    }

    func testResumeRaisingMakesTheYieldedCallRaise() throws {
        let state = try LuaState()
        state.setGlobal("wait") { _ in .yield(0) }
        try state.run("function f() local ok, e = pcall(wait); return ok, e end")
        state.main.pushGlobal("f")
        let t = try LuaThread(state: state)
        XCTAssertEqual(try t.resume(), .yielded([]))
        XCTAssertEqual(try t.resumeRaising(TestFailure(description: "timed out")), .returned([false, "timed out"]))
        XCTAssertTrue(t.isFinished)
    }

    func testYieldOutsideACoroutineIsAnErrorNotACrash() throws {
        let state = try LuaState()
        state.setGlobal("wait") { _ in .yield(0) }
        XCTAssertThrowsError(try state.run("wait()")) { error in
            XCTAssertTrue((error as! LuaError).message.contains("attempt to yield"), "\(error)")
        }
    }

    func testErrorInsideCoroutineCarriesTraceback() throws {
        let state = try LuaState()
        try state.run("function f() local t = nil; return t.x end", name: "@co.lua")
        state.main.pushGlobal("f")
        let t = try LuaThread(state: state)
        XCTAssertThrowsError(try t.resume()) { error in
            let e = error as! LuaError
            XCTAssertTrue(e.message.contains("attempt to index a nil value"))
            XCTAssertTrue(e.traceback?.contains("co.lua:1") == true, e.description)
        }
        XCTAssertThrowsError(try t.resume())
    }
}
