import SheetModel

/// Rules that compare rows of one sheet: enterprise.duplicate and total.mismatch (§6).
enum SheetChecks {
    /// The same USCC twice in one period: with different values the second is an error; an
    /// identical repeat is dropped quietly so it is never stored twice.
    static func duplicates(_ rows: inout [RowOutcome], file: String, sheet: String) {
        var first: [String: Int] = [:]
        for i in rows.indices {
            guard let uscc = rows[i].uscc else { continue }
            let key = uscc + "|" + (rows[i].period?.description ?? "")
            guard let j = first[key] else { first[key] = i; continue }
            if rows[j].values == rows[i].values {
                rows[i].submission = nil
                continue
            }
            rows[i].findings.append(Finding(rule: "enterprise.duplicate", severity: .error, file: file, sheet: sheet,
                cell: rows[i].usccCell, field: "uscc", value: uscc,
                message: "统一社会信用代码“\(uscc)”在本表中出现两次且数据不同（第一次在第 \(rows[j].usccCell.map { String($0.row + 1) } ?? "?") 行）。请删除重复的行，只保留正确的一行。"))
            rows[i].submission = nil
        }
    }

    /// A 合计 row is compared with the sum of the rows, column by column; the first differing one is reported.
    static func totals(_ layout: SheetLayout, rows: [RowOutcome], schema: Schema, file: String) -> [Finding] {
        guard !layout.totals.isEmpty else { return [] }
        let checker = RecordChecker(schema: schema, registry: nil, prior: nil, file: file, sheet: layout.sheet,
                                    dateSystem: .d1900, period: nil, batch: nil)
        var out: [Finding] = []
        for total in layout.totals {
            let t = checker.check(total)
            let slots = schema.slots
            let numeric = total.entries.filled.filter { slots.field($0.slot).kind.isNumeric }
                .sorted { $0.value.cell < $1.value.cell }
            for (slot, entry) in numeric {
                guard let stated = t.values[slot] else { continue }
                let parts = layout.records.indices.map { rows[$0].values[slot] }
                // A row with no number here (empty or unreadable) makes the sum meaningless only when unreadable.
                let unreadable = layout.records.indices.contains { i in
                    rows[i].values[slot] == nil && !(layout.records[i].entries[slot]?.value.isEmpty ?? true)
                        && NumberText.parse(layout.records[i].entries[slot]!.value, placeholders: schema.placeholders) != .empty
                }
                if unreadable { continue }
                let sum = parts.compactMap { $0 }.reduce(0, +)
                if !Tolerance.equal(sum, stated), abs(sum - stated) > 1e-6 {
                    let f = slots.field(slot), key = slots.key(slot)
                    out.append(Finding(rule: "total.mismatch", severity: .warning, file: file, sheet: layout.sheet, cell: entry.cell,
                        field: key.name, value: Display.text(entry.value),
                        message: "合计行的\(Messages.name(f, key.part))为 \(NumberText.format(stated))，而各行之和为 \(NumberText.format(sum))。请核对合计公式或各行数据。"))
                    break
                }
            }
        }
        return out
    }
}
