import LuaBridge

extension ECSModule {
    /// `ecs.table(rows [, columns [, { max_width = N }]])`: prints an aligned table; returns the row count.
    static func table(context: ECSContext) -> LuaHostFunction {
        { call in
            guard call.isTable(at: 1) else {
                throw ECSLuaError.badArgument(position: 1, function: "table", expected: "table of rows", got: call.typeName(at: 1), location: call.location())
            }
            var maxWidth = 48
            if call.isTable(at: 3) {
                call.pushField(of: 3, "max_width")
                if let n = call.integer(at: -1), n > 0 { maxWidth = Int(n) }
                call.pop()
            }
            let count = call.rawLength(at: 1)
            var columns: [String] = []
            if call.isTable(at: 2) {
                for i in 0..<call.rawLength(at: 2) {
                    call.pushElement(of: 2, Int64(i + 1))
                    columns.append(call.string(at: -1) ?? call.describe(at: -1))
                    call.pop()
                }
            } else if !call.isNil(at: 2) {
                throw ECSLuaError.badArgument(position: 2, function: "table", expected: "table of column names", got: call.typeName(at: 2), location: call.location())
            } else {
                columns = try inferColumns(call, rows: count)
            }
            // Rows are tables: anything else would print as a line of empty cells.
            for i in 0..<count {
                call.pushElement(of: 1, Int64(i + 1))
                defer { call.pop() }
                guard call.isTable(at: -1) else {
                    throw ECSLuaError.badArgument(
                        position: 1, function: "table", expected: "table of rows (tables)", got: "a \(call.typeName(at: -1)) as row \(i + 1)",
                        location: call.location())
                }
            }
            if columns.isEmpty && count > 0 {
                if !call.isNil(at: 2) {
                    throw ECSLuaError.badArgument(position: 2, function: "table", expected: "column names", got: "an empty list", location: call.location())
                }
                throw ECSLuaError(
                    code: "InvalidParameter",
                    message: "ecs.table: the rows have no field that is not a table; give the column names as the second argument",
                    action: "table", location: call.location())
            }
            if columns.isEmpty {  // no rows, no columns: nothing to print
                call.push(0)
                return .values(1)
            }
            var rows: [[String]] = []
            rows.reserveCapacity(count)
            for i in 0..<count {
                call.pushElement(of: 1, Int64(i + 1))
                let row = call.top
                rows.append(columns.map { column in
                    // Checked above, but a cell's __tostring (below) may have replaced a later row since.
                    guard call.isTable(at: row) else { return "" }
                    call.pushField(of: row, column)
                    defer { call.pop() }
                    return cellText(call, at: call.top)
                })
                call.pop()
            }
            context.output(TextTable(columns: columns, rows: rows, maxCellWidth: maxWidth).render())
            call.push(count)
            return .values(1)
        }
    }

    /// The text of one cell: strings as they are, nil empty, tables as `{...}`, anything else by `tostring`.
    private static func cellText(_ call: LuaCall, at index: Int32) -> String {
        if call.isNil(at: index) { return "" }
        if let s = call.string(at: index) { return s }
        if call.isTable(at: index) {
            let text = call.describe(at: index)
            return text.hasPrefix("table: ") ? "{...}" : text
        }
        return call.describe(at: index)
    }

    /// Without explicit columns: the sorted string keys of the rows whose values are not tables.
    private static func inferColumns(_ call: LuaCall, rows: Int) throws -> [String] {
        var names = Set<String>()
        for i in 0..<rows {
            call.pushElement(of: 1, Int64(i + 1))
            let row = call.top
            if call.isTable(at: row) {
                try call.forEachPair(of: row) {
                    if let key = call.string(at: -2), !call.isTable(at: -1) { names.insert(key) }
                }
            }
            call.pop()
        }
        return names.sorted()
    }
}
