import SheetModel

/// What title and note lines above a table declare: "报告期：2024年7月", "单位：千元" (§4).
struct TitleInfo {
    var period: Entry?
    var unit: (unit: Unit, cell: CellRef)?
    var findings: [Finding] = []

    /// What one text declares: a unit of money, a period. Follows from the text and the matcher.
    struct Declared {
        var unit: Unit?
        var period: String?

        init(_ raw: String, matcher: LabelMatcher) {
            let s = Label.normalizeValueText(raw)
            unit = TitleInfo.declaredUnit(s)
            period = TitleInfo.declaredPeriod(s, matcher: matcher)
        }

        init(unit: Unit?, period: String?) {
            self.unit = unit
            self.period = period
        }
    }

    /// Reads every text cell of the rows before `limit`; `cache` keeps what texts declare across
    /// files (title lines repeat from file to file).
    init(_ sheet: SheetData, before limit: UInt32, matcher: LabelMatcher, file: String, cache: LabelCache? = nil) {
        for row in sheet.rows {
            guard row.index < limit else { break }
            for cell in row.cells {
                guard case .text(let raw) = cell.value else { continue }
                let ref = CellRef(row: row.index, column: cell.column)
                let declared = cache?.declared(raw, matcher: matcher) ?? Declared(raw, matcher: matcher)
                if let u = declared.unit {
                    if let prior = unit, prior.unit != u {
                        findings.append(Messages.unitConflict(file: file, sheet: sheet.name, cell: ref, seen: raw,
                                                              declared: prior.unit, declaredAt: prior.cell))
                    } else if unit == nil {
                        unit = (u, ref)
                    }
                }
                if period == nil, let text = declared.period {
                    period = Entry(value: .text(text), cell: ref, unit: nil)
                }
            }
        }
    }

    /// "单位：千元", "金额单位:万元", "(单位：万元)" anywhere in the line; a unit of money only.
    static func declaredUnit(_ s: String) -> Unit? {
        let plain = FastText.isPlain(s)
        // Plain text has no full-width colon: NFKC made it ":".
        guard let r = FastText.range(of: "单位:", in: s[...], plain: plain) ?? (plain ? nil : FastText.range(of: "单位：", in: s[...], plain: plain))
        else { return nil }
        var rest = s[r.upperBound...]
        if let stop = rest.firstIndex(where: { "),;，；、".contains($0) || $0 == "人" && false }) { rest = rest[..<stop] }
        // "单位：万元、人" names several units; the money one is what applies to the table.
        for piece in rest.split(whereSeparator: { "、/,;".contains($0) }) {
            if let u = Unit.parse(String(piece)), u.dimension == .money { return u }
        }
        return nil
    }

    /// "报告期：2024年7月", "统计期:202407 单位:万元" → the period text.
    static func declaredPeriod(_ s: String, matcher: LabelMatcher) -> String? {
        let plain = FastText.isPlain(s)   // then "：" cannot occur
        guard let colon = plain ? s.utf8.firstIndex(of: UInt8(ascii: ":")) : s.firstIndex(where: { $0 == ":" || $0 == "：" })
        else { return nil }
        let label = Label.normalize(String(s[..<colon])).text
        guard let m = matcher.match(label), m.field.kind == .period else {
            // A title like "巴中临港产业园企业月度统计报表（报告期：2024年7月）".
            if let r = FastText.range(of: "报告期:", in: s[...], plain: plain) {
                return String(s[r.upperBound...].prefix { !")）单 ".contains($0) })
            }
            return nil
        }
        var rest = s[s.index(after: colon)...]
        if let stop = FastText.range(of: "单位", in: rest, plain: plain) { rest = rest[..<stop.lowerBound] }
        return String(rest)
    }
}
