import SheetModel

/// 一企一行: a header row (or two), then one row per enterprise until an empty row or a footer.
enum WideLayout {
    static func read(_ grid: SheetGrid, schema: Schema, file: String) -> SheetLayout? {
        let sheet = grid.sheet
        guard let header = HeaderScan.find(in: grid, ignored: schema.ignoredKeys) else { return nil }
        let title = TitleInfo(sheet, before: header.firstRow, matcher: grid.matcher, file: file, cache: grid.cache)
        var findings = title.findings
        var columns: [HeaderColumn] = []
        let slots = schema.slots
        var seen = FieldTable<CellRef>(slots)
        var conversions = UnitConversions()
        for var col in header.columns {
            let slot = slots.slot(col.field, col.part)
            if let first = seen[slot] {
                findings.append(Messages.duplicateField(file: file, sheet: sheet.name, cell: col.cell, field: col.field, part: col.part,
                                                        first: first))
                continue
            }
            seen[slot] = col.cell
            if let canonical = col.field.unit {
                col.unit = resolveUnit(col, canonical: canonical, title: title, sheet: sheet.name, file: file,
                                       findings: &findings, conversions: &conversions)
            }
            columns.append(col)
        }
        for (cell, label) in header.unknown {
            findings.append(Messages.unknownColumn(file: file, sheet: sheet.name, cell: cell, label: label))
        }
        for cell in header.unitConflicts {
            findings.append(Messages.unitConflict(file: file, sheet: sheet.name, cell: cell, seen: grid.text(cell) ?? "",
                                                  declared: nil, declaredAt: nil))
        }

        let identity = columns.filter { $0.field.kind == .uscc || $0.field.id == "enterprise_name" || $0.field.id == "name" }
        let columnSlots = columns.map { slots.slot($0.field, $0.part) }
        var records: [Record] = [], totals: [Record] = []
        var last = header.lastRow
        var started = false
        for (r, row) in sheet.rows.enumerated() where row.index > header.lastRow {
            if started, row.index > last + 1 { break }              // the first empty row ends the data
            last = row.index
            if !row.cells.isEmpty, let first = grid.label(r, 0), schema.footers.matches(first.text) { break }
            let isTotal = row.cells.indices.contains { grid.label(r, $0, isIn: schema.totalKeys) }
            if !isTotal, isNumberingRow(row, identity: identity) { continue }
            var entries = FieldTable<Entry>(slots, capacity: columns.count)
            var anyValue = false
            for (col, slot) in zip(columns, columnSlots) {
                let v = row[col.column]
                if !v.isEmpty { anyValue = true }
                entries[slot] = Entry(value: v, cell: CellRef(row: row.index, column: col.column), unit: col.unit)
            }
            guard anyValue else { if started { break } else { continue } }
            started = true
            let record = Record(row: row.index, entries: entries, isTotal: isTotal)
            if isTotal { totals.append(record) } else { records.append(record) }
        }
        let numeric = slots.fieldCount(columnSlots) { $0.kind.isNumeric }
        return SheetLayout(sheet: sheet.name, kind: .wide, score: header.score, numericFields: numeric,
                           hasIdentity: !identity.isEmpty, records: records, totals: totals, findings: findings,
                           present: seen, titlePeriod: title.period, hidden: sheet.state != .visible)
    }

    /// Header unit beats the title's; they must agree, and fit the field's dimension (§4).
    static func resolveUnit(_ col: HeaderColumn, canonical: Unit, title: TitleInfo, sheet: String, file: String,
                            findings: inout [Finding], conversions: inout UnitConversions) -> Unit? {
        if let declared = col.unit {
            let at = col.unitCell ?? col.cell
            if declared.dimension != canonical.dimension {
                findings.append(Messages.unitConflict(file: file, sheet: sheet, cell: at, seen: declared.name,
                                                      declared: canonical, declaredAt: nil))
                return nil
            }
            if let t = title.unit, t.unit.dimension == declared.dimension, t.unit != declared {
                findings.append(Messages.unitConflict(file: file, sheet: sheet, cell: at, seen: declared.name,
                                                      declared: t.unit, declaredAt: t.cell))
                return declared
            }
            if !declared.isCanonical {
                conversions.note(file: file, sheet: sheet, cell: at, from: declared, to: canonical, into: &findings)
            }
            return declared
        }
        if let t = title.unit, t.unit.dimension == canonical.dimension {
            if !t.unit.isCanonical {
                conversions.note(file: file, sheet: sheet, cell: t.cell, from: t.unit, to: canonical, into: &findings)
            }
            return t.unit
        }
        return nil
    }

    /// The "甲 乙 1 2 3" line some forms put under the header.
    static func isNumberingRow(_ row: Row, identity: [HeaderColumn]) -> Bool {
        guard !identity.isEmpty else { return false }
        return identity.allSatisfy { col in
            guard let t = row[col.column].plainText else { return true }
            return t.count <= 2
        }
    }
}
