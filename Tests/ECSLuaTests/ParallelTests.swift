import ECSCore
import ECSEmulator
import Foundation
import LuaBridge
import XCTest

@testable import ECSLua

final class ParallelTests: ECSLuaTestCase {
    func testResultsComeBackInItemOrderAndOneFailureStopsNothing() throws {
        let v = try value("""
            local names = { "web-prod-v1", "web-prod-v2", "web-prod-v3", "web-prod-v4" }
            local ids = {}
            for i, n in ipairs(names) do ids[i] = find(n).ImageId end
            table.insert(ids, 3, "m-doesnotexist000")
            local results = ecs.parallel(ids, function(id)
              ecs.modify_image_attribute{ ImageId = id, Description = "touched by parallel" }
              return ecs.image(id).ImageId
            end, { concurrency = 3 })
            local out = { n = #results }
            for i, r in ipairs(results) do
              out[i] = r.ok and r.value or ("error:" .. r.err.code .. "@" .. tostring(r.err.where))
            end
            out.ids = table.concat(ids, ",")
            out.touched = ecs.image(ids[5]).Description
            return out
            """)
        XCTAssertEqual(v["n"], 5)
        let ids = try XCTUnwrap(v["ids"]?.stringValue).split(separator: ",").map(String.init)
        for i in [0, 1, 3, 4] { XCTAssertEqual(v.element(i + 1)?.stringValue, ids[i]) }
        XCTAssertEqual(v.element(3)?.stringValue, "error:InvalidImageId.NotFound@test:6")
        XCTAssertEqual(v["touched"], "touched by parallel")
    }

    func testLuaErrorsAndPlainValuesInsideFn() throws {
        let v = try value("""
            local r = ecs.parallel({ 1, 2, 3 }, function(x)
              if x == 2 then error("boom") end
              return x * 10
            end)
            return { a = r[1].value, bok = r[2].ok, berr = r[2].err, c = r[3].value }
            """)
        XCTAssertEqual(v["a"], 10)
        XCTAssertEqual(v["bok"], false)
        XCTAssertTrue(v["berr"]?.stringValue?.hasSuffix("boom") ?? false)
        XCTAssertEqual(v["c"], 30)
    }

    func testIteratorsAndWaitsYieldInsideParallel() throws {
        let v = try value("""
            local r = ecs.parallel({ "self", "system" }, function(alias)
              local n = 0
              for img in ecs.images{ ImageOwnerAlias = alias, PageSize = 3, Status = "ALL" } do n = n + 1 end
              return n
            end)
            local w = ecs.parallel({ find("web-prod-v1").ImageId }, function(id)
              return ecs.wait_image{ ImageId = id, Status = "Available", interval = 0.01 }.Status
            end)
            return { self = r[1].value, system = r[2].value, waited = w[1].value,
                     total = ecs.describe_images{ ImageOwnerAlias = "self", Status = "ALL" }.TotalCount }
            """)
        XCTAssertEqual(v["self"], v["total"])
        XCTAssertGreaterThan(v["system"]?.numericValue ?? 0, 0)
        XCTAssertEqual(v["waited"], "Available")
    }

    /// One ecs.images iterator shared by the coroutines of ecs.parallel: a call that arrives while the next
    /// page is on its way is refused (it fetched the page again and handed out the same images twice).
    func testAnIteratorSharedAcrossCoroutinesNeverRepeatsAnImage() throws {
        let v = try value("""
            local it = ecs.images{ ImageOwnerAlias = "self", PageSize = 5 }
            local r = ecs.parallel({ 1, 2, 3, 4, 5, 6, 7 }, function() return it().ImageId end, { concurrency = 7 })
            local ids, seen, repeated, busy = 0, {}, 0, 0
            for _, x in ipairs(r) do
              if x.ok then
                ids = ids + 1
                if seen[x.value] then repeated = repeated + 1 end
                seen[x.value] = true
              elseif x.err.message:find("already fetching its next page", 1, true) then
                busy = busy + 1
              end
            end
            return { ids = ids, repeated = repeated, busy = busy }
            """)
        XCTAssertEqual(v["repeated"], 0)
        XCTAssertEqual(v["ids"], 1, "the coroutine whose call fetched the page")
        XCTAssertEqual(v["busy"], 6, "the others were refused, with a message that says why")
        XCTAssertEqual(lua.transport.actions, ["DescribeImages"], "the page was fetched once")
    }

    func testArgumentErrors() {
        XCTAssertTrue(luaError("ecs.parallel(1, print)")?.message.contains("bad argument #1 to 'parallel'") ?? false)
        XCTAssertTrue(luaError("ecs.parallel({}, 1)")?.message.contains("bad argument #2 to 'parallel'") ?? false)
        XCTAssertTrue(luaError("ecs.parallel({}, print, { concurrency = 0 })")?.message.contains("concurrency") ?? false)
        XCTAssertEqual(
            luaError("ecs.parallel({ 1 }, print, { concurency = 2 })")?.message,
            "InvalidParameter: unknown option 'concurency' for ecs.parallel (options: concurrency); did you mean 'concurrency'?")
    }

    func testEmptyItemsGiveAnEmptyResult() throws {
        XCTAssertEqual(try value("return #ecs.parallel({}, print)"), 0)
    }
}

/// With emulator latency, concurrent calls overlap: eight calls at concurrency 8 take far less than eight serial ones.
final class ParallelConcurrencyTests: ECSLuaTestCase {
    override var emulatorOptions: EmulatorOptions { EmulatorOptions(latencyMs: 150, rate: nil) }

    func testRequestsOverlap() throws {
        let serialStart = Date()
        try lua.run("for i = 1, 4 do ecs.describe_regions{} end")
        let serial = Date().timeIntervalSince(serialStart) / 4
        let parallelStart = Date()
        let v = try value("""
            local items = {}
            for i = 1, 16 do items[i] = i end
            local r = ecs.parallel(items, function() return ecs.describe_regions{}.RequestId end, { concurrency = 8 })
            local ok = 0
            for _, x in ipairs(r) do if x.ok then ok = ok + 1 end end
            return ok
            """)
        let parallel = Date().timeIntervalSince(parallelStart)
        XCTAssertEqual(v, 16)
        XCTAssertLessThan(parallel / (16 * serial), 0.4, "16 calls at concurrency 8 took \(parallel)s; one call takes \(serial)s")
        // Overlapping, but never more than `concurrency` at once: two waves of eight.
        XCTAssertEqual(lua.transport.peakInFlight, 8)
    }

    func testProgressLineOnlyOnATerminal() throws {
        let script = """
            local items = {}
            for i = 1, 8 do items[i] = i end
            ecs.parallel(items, function() return ecs.describe_regions{} end, { concurrency = 1 })
            """
        try lua.run(script)
        XCTAssertEqual(lua.errorOutput, "", "not a terminal: no progress line")
        lua.close()
        lua = try LuaHarness(options: emulatorOptions, isTerminal: true)
        try lua.run(script)
        XCTAssertTrue(lua.errorOutput.contains("ecs.parallel "), lua.errorOutput)
        XCTAssertTrue(lua.errorOutput.contains("/8"), lua.errorOutput)
        XCTAssertTrue(lua.errorOutput.hasSuffix("\r\u{1B}[2K"), "the line is cleared at the end")
    }
}

extension LuaValue {
    /// The `i`-th element (1-based) of an array, or the value of integer key `i` of a table.
    func element(_ i: Int) -> LuaValue? {
        switch self {
        case .array(let items): return i >= 1 && i <= items.count ? items[i - 1] : nil
        case .table(let entries): return entries.first { $0.key == .integer(Int64(i)) }?.value
        default: return nil
        }
    }
}

/// The client's limiter paces a parallel job at the quota, so the server never throttles it.
final class ParallelPacingTests: XCTestCase {
    func testParallelJobStaysWithinTheQuotaWithoutThrottling() throws {
        let lua = try LuaHarness(options: EmulatorOptions(rate: .init(tokens: 5, seconds: 1))) {
            $0.rate = RateLimit(tokens: 5, seconds: 1)
        }
        defer { lua.close() }
        let started = Date()
        let v = try lua.run("""
            local items = {}
            for i = 1, 12 do items[i] = i end
            local r = ecs.parallel(items, function() return ecs.describe_regions{}.RequestId end, { concurrency = 8 })
            local failed = {}
            for _, x in ipairs(r) do if not x.ok then failed[#failed + 1] = x.err.code end end
            return table.concat(failed, ",")
            """)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(v.first, "", "no item failed (no Throttling.User)")
        XCTAssertGreaterThan(elapsed, (12.0 - 5.0) / 5.0 * 0.9, "paced at 5 per second after the first 5")
        XCTAssertEqual(lua.transport.actions.count, 12, "no retries were needed")
    }
}

final class ParallelInterruptTests: ECSLuaTestCase {
    func testCtrlCStopsTheWholeJob() throws {
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { LuaInterrupt.request() }
        let started = Date()
        let error = luaError("""
            local id = find("app-server-creating").ImageId
            ecs.parallel({ id, id, id }, function(x) return ecs.wait_image{ ImageId = x, Status = "Available", interval = 5 } end)
            """)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertTrue(error?.message.contains("interrupted!") ?? false, "\(String(describing: error))")
        LuaInterrupt.clear()
    }
}

final class NestedParallelTests: ECSLuaTestCase {
    func testParallelInsideParallel() throws {
        let v = try value("""
            local outer = ecs.parallel({ 1, 2 }, function(i)
              local inner = ecs.parallel({ 1, 2, 3 }, function(j) return i * 10 + #ecs.describe_regions{}.Regions * 0 + j end)
              local sum = 0
              for _, r in ipairs(inner) do sum = sum + r.value end
              return sum
            end)
            return { a = outer[1].value, b = outer[2].value }
            """)
        XCTAssertEqual(v["a"], 36)
        XCTAssertEqual(v["b"], 66)
    }

    /// Each nested ecs.parallel resumed its coroutines from the main thread, so Lua's count of nested C
    /// calls restarted at every level and unbounded recursion overflowed the C stack (SIGSEGV at ~2,900
    /// levels). Now the count carries through and the recursion ends in Lua's "C stack overflow" error.
    func testUnboundedNestingEndsInAnErrorNotACrash() throws {
        let v = try value("""
            local depth = 0
            local function f() depth = depth + 1 return ecs.parallel({ 1 }, f) end
            local ok, r = pcall(f)
            local x, message = r, nil
            while type(x) == "table" and x[1] do
              if x[1].ok then x = x[1].value else message = tostring(x[1].err) break end
            end
            return { ok = ok, depth = depth, message = message }
            """)
        XCTAssertEqual(v["ok"], true)
        XCTAssertLessThan(v["depth"]?.numericValue ?? .infinity, 1000)
        XCTAssertTrue(v["message"]?.stringValue?.contains("stack overflow") == true, "\(v)")
    }

    /// Values a plain coroutine.yield hands over inside fn are nobody's to read: converting them failed the
    /// whole job for a cycle ("table contains a cycle"), and ran __tostring on a suspended coroutine.
    func testWhatFnYieldsByItselfIsNeverRead() throws {
        let v = try value("""
            local cyclic = {} cyclic.self = cyclic
            local touched = 0
            local odd = setmetatable({}, { __tostring = function() touched = touched + 1 return "odd" end })
            local r = ecs.parallel({ 1, 2 }, function(i)
              coroutine.yield(cyclic, { odd })
              return i * 2
            end)
            return { a = r[1].value, b = r[2].value, touched = touched }
            """)
        XCTAssertEqual(v["a"], 2)
        XCTAssertEqual(v["b"], 4)
        XCTAssertEqual(v["touched"], 0)
    }
}

/// Injected server faults arrive as retryable error objects.
final class FaultTests: ECSLuaTestCase {
    override var emulatorOptions: EmulatorOptions { EmulatorOptions(faultRate: 1, rate: nil) }

    func testServerFaultsAreRetryable() throws {
        let v = try value("""
            local codes = {}
            for i = 1, 4 do
              local ok, err = pcall(ecs.describe_regions)
              codes[#codes + 1] = tostring(ok) .. ":" .. err.code .. ":" .. tostring(err.retryable)
            end
            return table.concat(codes, " ")
            """)
        for entry in try XCTUnwrap(v.stringValue).split(separator: " ") {
            let parts = entry.split(separator: ":")
            XCTAssertEqual(parts.first, "false")
            XCTAssertTrue(["ServiceUnavailable", "InternalError", "Client.Transport"].contains(String(parts[1])), String(entry))
            XCTAssertEqual(parts.last, "true", String(entry))
        }
    }
}
