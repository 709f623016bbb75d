/// An aligned plain-text table: a header, a rule of dashes, one line per row; cells cut with `…`.
public struct TextTable {
    /// The column titles.
    public var columns: [String]
    /// The cells, row by row (missing cells are empty).
    public var rows: [[String]]
    /// The widest a column may be, in terminal columns.
    public var maxCellWidth: Int

    /// Creates a table.
    public init(columns: [String], rows: [[String]], maxCellWidth: Int = 48) {
        self.columns = columns
        self.rows = rows
        self.maxCellWidth = max(1, maxCellWidth)
    }

    /// The rendered text, one `\n`-terminated line per row, no trailing spaces.
    public func render() -> String {
        let clean: (String) -> String = { DisplayWidth.truncate(Self.singleLine($0), to: maxCellWidth) }
        let header = columns.map(clean)
        let body = rows.map { row in columns.indices.map { clean($0 < row.count ? row[$0] : "") } }
        var widths = header.map(DisplayWidth.of)
        for row in body {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { text += "  " }
                text += i == cells.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i])
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var out = line(header)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in body { out += line(row) }
        return out
    }

    /// Newlines and tabs would break the alignment: shown as spaces.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
