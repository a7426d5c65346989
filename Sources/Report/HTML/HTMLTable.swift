/// A report `Table` as an HTML table, numbers right-aligned and formatted as in the workbook.
enum HTMLTable {
    static func render(_ table: Table, rowClass: ((Int) -> String)? = nil) -> Node {
        let head = Node.el("thead", .el("tr", children: table.columns.map { .el("th", .text($0.header)) }))
        let body = table.rows.indices.map { r -> Node in
            let cells = table.rows[r].indices.map { c -> Node in
                let kind = table.kind(row: r, column: c)
                let text = Formatting.display(table.rows[r][c], kind: kind)
                return kind == .text ? .el("td", .text(text)) : .el("td", ["class": "num"], .text(text))
            }
            if let cls = rowClass?(r) { return .el("tr", ["class": cls], children: cells) }
            return .el("tr", children: cells)
        }
        return .el("table", head, .el("tbody", children: body))
    }
}
