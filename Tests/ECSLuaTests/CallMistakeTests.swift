import ECSCore
import LuaBridge
import XCTest

@testable import ECSLua

/// Mistakes an experienced user makes calling the `ecs` module, each answered with an error that says what
/// was wrong (or, for decoded JSON's nulls, with what the user meant).
final class CallMistakeTests: ECSLuaTestCase {
    /// `ecs:f{...}` passes the `ecs` table as the parameters: it was reported as an unknown parameter named
    /// after whichever key of `ecs` came first, a different one from run to run (and ecs:table printed garbage).
    func testAColonForADotIsNamedAsSuch() throws {
        for (chunk, name) in [
            ("ecs:describe_images{}", "describe_images"), ("ecs:modify_image_attribute{ ImageId = 'm-x' }", "modify_image_attribute"),
            ("ecs:images{}", "images"), ("ecs:wait_image{ ImageId = 'm-x', Status = 'Available' }", "wait_image"),
            ("ecs:table({ { a = 1 } }, { 'a' })", "table"), ("ecs:config{ region = 'cn-hangzhou' }", "config"),
            ("ecs:image_from_family{ ImageFamily = 'f' }", "image_from_family"), ("ecs:parallel({}, print)", "parallel"),
        ] {
            let error = luaError("return \(chunk)")
            XCTAssertEqual(error?.value["code"], "InvalidParameter", chunk)
            XCTAssertEqual(
                error?.value["message"], .text("ecs.\(name) is called with a dot, not a colon: write ecs.\(name), not ecs:\(name)"), chunk)
        }
        XCTAssertEqual(lua.output, "", "nothing printed")
        XCTAssertEqual(lua.transport.actions.count, 0, "nothing sent")
    }

    /// A list of ids looked up as one id came back nil ("does not exist") though every image existed.
    func testImageTakesOneIdNotAList() throws {
        let error = luaError("""
            local page = ecs.describe_images{ ImageOwnerAlias = "self", PageSize = 2 }
            return ecs.image(page.Images[1].ImageId .. "," .. page.Images[2].ImageId)
            """)
        XCTAssertEqual(error?.value["code"], "InvalidParameter")
        XCTAssertEqual(error?.value["parameter"], "ImageId")
        XCTAssertTrue(error?.message.contains("ecs.image takes one image id") == true, "\(String(describing: error))")
    }

    /// `json.null` (what a decoded JSON null is) in a parameter table is an absent parameter, as nil is; it was
    /// refused as "must be a string, got table".
    func testDecodedJSONNullsAreAbsentParameters() throws {
        let v = try value("""
            local img = find("web-prod-v1")
            local params = json.decode('{"ImageId": "' .. img.ImageId .. '", "Description": null, "ImageName": "from-json"}')
            ecs.modify_image_attribute(params)
            local raw = ecs.call("DescribeImages", json.decode('{"ImageId": "' .. img.ImageId .. '", "ImageName": null}'))
            local after = ecs.image(img.ImageId)
            return { name = after.ImageName, description = after.Description == img.Description, n = raw.TotalCount }
            """)
        XCTAssertEqual(v["name"], "from-json")
        XCTAssertEqual(v["description"], true, "a null Description is not sent")
        XCTAssertEqual(v["n"], 1)
    }

    /// The message of the error a chunk raises.
    private func message(of chunk: String, file: StaticString = #filePath, line: UInt = #line) -> LuaValue? {
        luaError(chunk, file: file, line: line)?.value["message"]
    }

    /// A typed call's list item that is json.null or an empty table left a gap on the wire (Tag.2 without Tag.1).
    func testListItemsCannotBeAbsentOrEmpty() throws {
        XCTAssertEqual(
            message(of: "return ecs.describe_images{ Tag = { json.null, { Key = 'k', Value = 'v' } } }"),
            "parameter 'Tag[1]' of DescribeImages is json.null: a list item cannot be absent")
        XCTAssertEqual(
            message(of: "return ecs.describe_images{ Tag = { {}, { Key = 'k', Value = 'v' } } }"),
            "parameter 'Tag[1]' of DescribeImages is empty, e.g. Tag = { {Key = ..., Value = ...} }")
        XCTAssertEqual(lua.transport.actions.count, 0)
    }

    /// ecs.call's messages say what is wrong with an array where names belong and with a sparse array
    /// (both said "mixes array items and named fields").
    func testRawCallNamesArraysAndHolesForWhatTheyAre() throws {
        XCTAssertEqual(
            message(of: "return ecs.call('DescribeImages', { 'x' })"),
            "parameters of DescribeImages must be named (Name = value), got an array item [1]")
        XCTAssertEqual(
            message(of: "return ecs.call('DescribeImages', { ImageId = 'm-x', [7] = 'y' })"),
            "parameters of DescribeImages must be named (Name = value), got an array item [7]")
        XCTAssertEqual(
            message(of: "return ecs.call('ModifyFoo', { A = { 'a', json.null, 'b' } })"),
            "parameter 'A.2' of ModifyFoo is json.null: a list item cannot be absent")
        XCTAssertEqual(
            message(of: "return ecs.call('ModifyFoo', { A = { [1] = 1, [3] = 3 } })"),
            "parameter 'A' of ModifyFoo is an array with holes: its keys must be 1 to n without a gap")
        XCTAssertEqual(
            message(of: "return ecs.call('ModifyFoo', { A = { 1, B = 2 } })"),
            "parameter 'A' of ModifyFoo mixes array items and named fields")
        XCTAssertEqual(lua.transport.actions.count, 0)
    }

    /// ecs.validate.<rule>(value) answers `true` or `false, err`, a value of the wrong type included (it raised).
    func testValueRulesAnswerWrongTypesWithAVerdict() throws {
        let v = try value("""
            local ok, err = ecs.validate.image_name(nil)
            local ok2, err2 = ecs.validate.description(12)
            return { ok = ok, code = err.code, message = err.message, ok2 = ok2, code2 = err2.code }
            """)
        XCTAssertEqual(v["ok"], false)
        XCTAssertEqual(v["code"], "InvalidParameter")
        XCTAssertEqual(v["message"], "bad argument #1 to 'image_name' (string expected, got nil)")
        XCTAssertEqual(v["ok2"], false)
        XCTAssertEqual(v["code2"], "InvalidParameter")
    }

    /// Rows that are not tables, and an empty column list, printed blank lines silently.
    func testTableRefusesRowsAndColumnsItCannotPrint() throws {
        XCTAssertEqual(
            message(of: "return ecs.table({ 1, 2 }, { 'a' })"),
            "bad argument #1 to 'table' (table of rows (tables) expected, got a number as row 1)")
        XCTAssertEqual(
            message(of: "return ecs.table({ { a = 1 } }, {})"),
            "bad argument #2 to 'table' (column names expected, got an empty list)")
        XCTAssertTrue(luaError("return ecs.table({ { t = {} } })")?.message.contains("give the column names") == true)
        XCTAssertEqual(lua.output, "")
        XCTAssertEqual(try value("return ecs.table({})"), 0)
        XCTAssertEqual(lua.output, "", "no rows and no columns print nothing")
    }

    /// A cell's __tostring that replaced a later row with a string crashed the drawing (SIGSEGV): rows are
    /// checked before drawing, and again as each is drawn.
    func testARowReplacedWhileTheTableIsDrawnDoesNotCrash() throws {
        let v = try value("""
            local rows
            local odd = setmetatable({}, { __tostring = function() rows[2] = "oops" return "odd" end })
            rows = { { a = odd }, { a = 1 } }
            return ecs.table(rows, { "a" })
            """)
        XCTAssertEqual(v, 2)
        XCTAssertEqual(lua.output, "a\n---\nodd\n\n")
    }

    /// help(json.encode) said "no help for function: 0x..." though help() lists json; DeleteImage's help
    /// left out ImageUseShared, which it answers for a shared image.
    func testHelpCoversJSONAndDeleteImagesSharedRefusal() throws {
        try lua.run("help(json.encode)")
        XCTAssertTrue(lua.output.hasPrefix("json.encode(value"), lua.output)
        lua.clearOutput()
        try lua.run("help(json)")
        XCTAssertTrue(lua.output.hasPrefix("json.encode(value"), lua.output)
        lua.clearOutput()
        try lua.run("help(ecs.delete_image)")
        XCTAssertTrue(lua.output.contains("ImageUseShared (HTTP 403)"), lua.output)
    }
}

/// The session's earlier secrets stay known to the history filter whatever the profile's name says.
final class KnownSecretsTests: XCTestCase {
    /// A profile named at start (ALIBABA_CLOUD_PROFILE) need not be where the keys came from: selecting the
    /// "same" profile again switched the keys and forgot the ones used until then.
    func testSecretsOfEarlierCredentialsStayKnownWhenTheProfileNameDoesNotChange() {
        let first = ClientConfiguration(
            credentials: StaticCredentialsProvider(accessKeyId: "env-id", accessKeySecret: "ENV-SECRET-0001"), rate: nil)
        let context = ECSContext(configuration: first, profile: "p1")
        defer { context.shutdown() }
        var second = first
        second.credentials = StaticCredentialsProvider(accessKeyId: "p1-id", accessKeySecret: "P1-SECRET-0002")
        context.reconfigure(second, profile: "p1", regionIsExplicit: false)
        XCTAssertEqual(Set(context.knownSecrets()), ["ENV-SECRET-0001", "P1-SECRET-0002"])
    }
}
