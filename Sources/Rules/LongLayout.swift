import SheetModel

/// 一企一表 (shaped like B204-1): label/value pairs at the top, then 指标名称 | 计量单位 | 代码 | 本月 | 1—本月 | …
enum LongLayout {
    static let nameHeaders = LabelSet(["指标名称", "指标", "项目", "指标名"])
    static let unitHeaders = LabelSet(["计量单位", "单位"])

    static func read(_ grid: SheetGrid, schema: Schema, file: String) -> SheetLayout? {
        let sheet = grid.sheet, matcher = grid.matcher
        guard let table = findTable(grid) else { return nil }
        let title = TitleInfo(sheet, before: table.row, matcher: matcher, file: file, cache: grid.cache)
        var findings = title.findings
        let slots = schema.slots
        var entries = metadata(sheet, before: table.row, matcher: matcher, slots: slots, cache: grid.cache)
        // Sized once: a table holds a few dozen values.
        var present = FieldTable<CellRef>(slots, capacity: 64)
        for (slot, entry) in entries.filled { present[slot] = entry.cell }
        var conversions = UnitConversions()
        var firstIndicatorRow: UInt32?
        var last = table.row
        for (r, row) in sheet.rows.enumerated() where row.index > table.row {
            if firstIndicatorRow != nil, row.index > last + 1 { break }
            last = row.index
            guard let c = row.cells.firstIndex(where: { $0.column == table.nameColumn }),
                  case .text(let raw) = row.cells[c].value, let label = grid.label(r, c) else {
                if !row.cells.isEmpty, let first = grid.label(r, 0), schema.footers.matches(first.text) { break }
                continue
            }
            let nameCell = CellRef(row: row.index, column: table.nameColumn)
            if schema.footers.matches(label.text) { break }
            let hasNumbers = table.parts.contains { !row[$0.column].isEmpty }
            guard let m = grid.match(r, c), m.field.kind.isNumeric, let canonical = m.field.unit else {
                if hasNumbers, !schema.ignoredKeys.contains(LabelKey(label.text)) {
                    findings.append(Messages.unknownColumn(file: file, sheet: sheet.name, cell: nameCell, label: raw))
                }
                continue
            }
            firstIndicatorRow = firstIndicatorRow ?? row.index
            // The unit: the 计量单位 cell, else the name's bracket, else the title; they must agree.
            var unit: Unit? = label.unit
            var unitCell: CellRef? = label.unit == nil ? nil : nameCell
            if let uc = table.unitColumn, let text = row[uc].plainText {
                let cell = CellRef(row: row.index, column: uc)
                if let u = Unit.parse(text) {
                    if u.dimension != canonical.dimension || (unit != nil && unit != u) {
                        findings.append(Messages.unitConflict(file: file, sheet: sheet.name, cell: cell, seen: text,
                                                              declared: unit ?? canonical, declaredAt: unitCell))
                    }
                    unit = u
                    unitCell = cell
                }
            }
            if unit == nil, let t = title.unit, t.unit.dimension == canonical.dimension { unit = t.unit; unitCell = t.cell }
            if let u = unit, let t = title.unit, t.unit.dimension == u.dimension, t.unit != u, let at = unitCell, at != t.cell {
                findings.append(Messages.unitConflict(file: file, sheet: sheet.name, cell: at, seen: u.name,
                                                      declared: t.unit, declaredAt: t.cell))
            }
            if let u = unit, u.dimension != canonical.dimension { unit = nil }
            if let u = unit, !u.isCanonical, let at = unitCell {
                conversions.note(file: file, sheet: sheet.name, cell: at, from: u, to: canonical, into: &findings)
            }
            for p in table.parts {
                guard let part = m.field.resolve(m.part ?? p.part) else { continue }
                let slot = slots.slot(m.field, part)
                if present.contains(slot) {
                    findings.append(Messages.duplicateField(file: file, sheet: sheet.name, cell: nameCell, field: m.field,
                                                            part: part, first: entries[slot]?.cell ?? nameCell))
                    continue
                }
                present[slot] = nameCell
                entries[slot] = Entry(value: row[p.column], cell: CellRef(row: row.index, column: p.column), unit: unit)
            }
        }
        guard let first = firstIndicatorRow else { return nil }
        let filled = entries.slots
        let numeric = slots.fieldCount(filled) { $0.kind.isNumeric }
        let hasIdentity = entries.contains(slots.uscc) || entries.contains(slots.enterpriseName)
        if let period = slots.period, entries[period] == nil, let p = title.period { entries[period] = p }
        return SheetLayout(sheet: sheet.name, kind: .long, score: slots.fieldCount(entries.slots), numericFields: numeric,
                           hasIdentity: hasIdentity, records: [Record(row: first, entries: entries)], totals: [],
                           findings: findings, present: present, titlePeriod: nil, hidden: sheet.state != .visible)
    }

    struct Table {
        var row: UInt32
        var nameColumn: UInt16
        var unitColumn: UInt16?
        var parts: [(column: UInt16, part: Part)]
    }

    /// The indicator table's header: a 指标名称 cell and at least one part (本月, 1—本月…) in the same row.
    static func findTable(_ grid: SheetGrid) -> Table? {
        for (r, row) in grid.sheet.rows.enumerated() {
            guard row.index < 30 else { break }
            // Most sheets are wide: rows without a 指标名称 cell are passed over before any part is read.
            guard row.cells.indices.contains(where: { grid.label(r, $0, isIn: nameHeaders) }) else { continue }
            var name: UInt16?, unit: UInt16?
            var parts: [(UInt16, Part)] = []
            for (c, cell) in row.cells.enumerated() {
                if grid.label(r, c, isIn: nameHeaders) { name = cell.column }
                else if grid.label(r, c, isIn: unitHeaders) { unit = cell.column }
                else if let p = grid.part(r, c) { parts.append((cell.column, p)) }
            }
            if let name, !parts.isEmpty { return Table(row: row.index, nameColumn: name, unitColumn: unit, parts: parts) }
        }
        return nil
    }

    /// What one text above the table labels: a non-numeric field ("单位名称"), with the value
    /// that follows a colon in the same text ("单位名称：XX公司"). Follows from the text and the matcher.
    struct MetadataText {
        var field: FieldSpec?
        var inline: String?

        init(_ raw: String, matcher: LabelMatcher) {
            let s = Label.normalizeValueText(raw)
            let plain = FastText.isPlain(s)
            var label = s
            if let colon = plain ? s.utf8.firstIndex(of: UInt8(ascii: ":")) : s.firstIndex(where: { $0 == ":" }) {
                label = String(s[..<colon])
                // In the set every scalar but "\r\n" is a Character: look for the colon scalar.
                let rawColon = FastText.inSet(raw) ? raw.unicodeScalars.firstIndex { $0 == ":" || $0 == "：" }
                    : raw.firstIndex(where: { $0 == ":" || $0 == "：" })
                let rest = raw[raw.index(after: rawColon ?? raw.startIndex)...]
                inline = String(rest).trimmingWhitespace()
                if inline?.isEmpty == true { inline = nil }
            }
            guard let m = matcher.match(Label.normalize(label).text), !m.field.kind.isNumeric else {
                inline = nil
                return
            }
            field = m.field
            inline = MetadataText.periodPart(inline, of: m.field)
        }

        /// The text of a colon and what follows it (`ColonText`), `field` being what the text before
        /// the colon labels: as `init(_:matcher:)` reads such a text.
        init(field: FieldSpec?, after: Substring) {
            guard let field, !field.kind.isNumeric else { return }
            self.field = field
            let value = String(after).trimmingWhitespace()
            inline = MetadataText.periodPart(value.isEmpty ? nil : value, of: field)
        }

        /// "报告期：2024年7月 单位：万元" keeps only the period part.
        private static func periodPart(_ inline: String?, of field: FieldSpec) -> String? {
            guard field.kind == .period, let v = inline, let r = FastText.range(of: "单位", in: v[...], plain: FastText.isPlain(v)) else {
                return inline
            }
            return String(v[..<r.lowerBound]).trimmingWhitespace()
        }
    }

    /// "单位名称：XX公司" in one cell, or "单位名称" with the value in the next cell to the right.
    /// `cache` keeps what texts label across files.
    static func metadata(_ sheet: SheetData, before limit: UInt32, matcher: LabelMatcher, slots: FieldSlots,
                         cache: LabelCache? = nil) -> FieldTable<Entry> {
        var out = FieldTable<Entry>(slots, capacity: 64)
        for row in sheet.rows {
            guard row.index < limit else { break }
            for (i, cell) in row.cells.enumerated() {
                guard case .text(let raw) = cell.value else { continue }
                let text = cache?.metadataText(raw, matcher: matcher) ?? MetadataText(raw, matcher: matcher)
                guard let field = text.field else { continue }
                let key = slots.slot(field, nil)
                guard out[key] == nil else { continue }
                let ref = CellRef(row: row.index, column: cell.column)
                if let inline = text.inline {
                    out[key] = Entry(value: .text(inline), cell: ref, unit: nil)
                } else if i + 1 < row.cells.count {
                    let next = row.cells[i + 1]
                    out[key] = Entry(value: next.value, cell: CellRef(row: row.index, column: next.column), unit: nil)
                } else if cell.column + 1 < CellRef.maxColumns {
                    // A label with its value cell left blank (the reader skips empty cells): the
                    // field is there but empty, so value.required names the cell to fill.
                    out[key] = Entry(value: .empty, cell: CellRef(row: row.index, column: cell.column + 1), unit: nil)
                }
            }
        }
        return out
    }
}
