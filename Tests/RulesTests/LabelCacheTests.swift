import SheetModel
import Testing
@testable import Rules

/// Labels worked out in one file are kept for the next (`LabelCache`): the same objects come back,
/// and every report is the one a cold start gives.
@Suite struct LabelCacheTests {
    let books: [WorkbookData] = [
        Grid.book(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司"), Grid.row(2, Grid.b, "巴中乙食品有限公司", ["D": "abc"])])),
        Grid.book(Grid.wide([Grid.row(1, Grid.c, "巴中丙材料有限公司", ["E": -5.0])], unit: "单位：千元")),
        // The header's texts as data: a label in one file is a value in the next.
        Grid.book(Grid.wide([Grid.row(1, Grid.d, "工业总产值本月")], period: "报告期：2024年13月")),
        Grid.book(Grid.sheet("说明", [["单位：万元"], ["工业总产值本月"]]),
                  Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司", ["M": "八"])])),
    ]

    @Test func labelsAreKeptAcrossFilesWithTheSameReports() throws {
        let schema = try Schema.defaultSchema()    // a matcher, and so a pool, of its own
        let warm = Validator(schema: schema, registry: Grid.registry)
        let warmReports = books.map { warm.validate(workbook: $0, file: "a.xlsx", period: "2024-07") }
        let coldReports = try books.map {
            try Validator(schema: Schema.defaultSchema(), registry: Grid.registry).validate(workbook: $0, file: "a.xlsx", period: "2024-07")
        }
        #expect(warmReports.map(\.rules) == coldReports.map(\.rules))
        #expect(warmReports.map(\.submissions.count) == coldReports.map(\.submissions.count))
        #expect(warmReports[0].has("value.not_number", "D6"))

        // The pool holds one cache (files were checked one after another), with the header labels in it.
        let cache = schema.matcher.caches.take()
        #expect(cache.count >= Grid.header.count)
        let label = cache.labelled("工业总产值本月")
        #expect(label.label.text == "工业总产值本月")
        schema.matcher.caches.give(cache)
        _ = warm.validate(workbook: books[0], file: "b.xlsx", period: "2024-07")
        let again = schema.matcher.caches.take()
        #expect(again === cache && again.labelled("工业总产值本月") === label)
        // A second cache while the first is out: the pool never hands one cache to two files.
        #expect(schema.matcher.caches.take() !== again)
    }

    /// Texts with a colon are read from what their label before the colon matches, kept by itself
    /// (`ColonText`), and lines that cannot declare a unit or period are passed over: both must
    /// give exactly what reading the whole text gives, for texts of every kind (full-width and
    /// spaced colons, several colons, labels of every field kind, values holding 单位 or 报告期,
    /// and scalars outside `FastText`'s set).
    @Test func colonTextsReadAsWholeTexts() throws {
        let matcher = try Schema.defaultSchema().matcher
        let pieces = ["单位名称", "企业名称", "统一社会信用代码", "纳税人识别号", "报告期", "统计期", "所属期", "单位", "金额单位", "工业总产值",
                      "填报人", "巴中临港样例00004电子有限公司", "91511903PDY001039F", "2024年7月", "202407", "万元", "千元", "人",
                      ":", "：", " ", "　", "(", ")", "（", "）", "、", "-", "①", "é", "单 位", "报告期:", "单位:万元"]
        var rng = SplitMix(seed: 7)
        let cache = LabelCache()
        var colons = 0, passed = 0
        for _ in 0..<20_000 {
            let raw = (0..<Int(rng.next() % 5) + 1).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let m = cache.metadataText(raw, matcher: matcher), fresh = LongLayout.MetadataText(raw, matcher: matcher)
            #expect(m.field?.id == fresh.field?.id && m.inline == fresh.inline, "\(raw.debugDescription)")
            let d = cache.declared(raw, matcher: matcher), whole = TitleInfo.Declared(raw, matcher: matcher)
            #expect(d.unit == whole.unit && d.period == whole.period, "\(raw.debugDescription)")
            if case .colon = ColonText.split(raw) { colons += 1 }
            if d.unit == nil && d.period == nil { passed += 1 }
        }
        #expect(colons > 5_000 && passed > 5_000 && cache.beforeColonCount > 100)
        #expect(cache.metadataText("单位名称：巴中甲电子有限公司 ", matcher: matcher).inline == "巴中甲电子有限公司")
        #expect(cache.metadataText("报告期：2024年7月 单位：万元", matcher: matcher).inline == "2024年7月")
        #expect(cache.declared("（单位：千元）", matcher: matcher).unit == .qianYuan)
    }

    @Test func aFullCacheStartsOver() {
        let cache = LabelCache()
        for i in 0..<LabelCache.limit { _ = cache.labelled("企业\(i)") }
        #expect(cache.count == LabelCache.limit)
        let first = cache.labelled("企业0")
        #expect(cache.count == LabelCache.limit)    // a hit adds nothing
        _ = cache.labelled("新的文字")
        #expect(cache.count == 1)
        #expect(cache.labelled("企业0") !== first)
    }

    /// A header reading kept for its `HeaderKey`: the key holds every text the reading looks at,
    /// with the rows' numbers and merged areas, and nothing else.
    @Test func headerKeysNameWhatAReadingReads() {
        let matcher = Grid.schema.matcher
        func key(_ sheet: SheetData, _ r: Int, child: Bool = false) -> HeaderKey {
            let grid = SheetGrid(sheet, matcher: matcher)
            return HeaderKey(grid, sheet.rows[r], child: child ? sheet.rows[r + 1] : nil)
        }
        let top: [[Any?]] = [["单位：万元"], ["统一社会信用代码", "企业名称", "工业总产值", nil], [nil, nil, "本月", "本年累计"]]
        let merged = ["A2:A3", "B2:B3", "C2:D2"]
        let a = Grid.sheet("月报", top, merged: merged)
        #expect(key(a, 1, child: true) == key(Grid.sheet("月报", top, merged: merged), 1, child: true))
        // The same texts a row lower, another merge, another child label, a vertically merged
        // parent's text from the row above: other keys.
        #expect(key(a, 1, child: true) != key(Grid.sheet("月报", [["报表"]] + top, merged: ["A3:A4", "B3:B4", "C3:D3"]), 2, child: true))
        #expect(key(a, 1, child: true) != key(Grid.sheet("月报", top, merged: ["A2:A3", "B2:B3"]), 1, child: true))
        var other = top
        other[2][3] = "1-7月"
        #expect(key(a, 1, child: true) != key(Grid.sheet("月报", other, merged: merged), 1, child: true))
        other = top
        other[1][0] = "企业代码"
        #expect(key(a, 2) != key(Grid.sheet("月报", other, merged: merged), 2))
        // A number in a header row is read by no reading.
        other = top
        other[2][0] = 7.0
        #expect(key(a, 1, child: true) == key(Grid.sheet("月报", other, merged: merged), 1, child: true))
    }

    /// Header readings from a cache that has seen other sheets equal those worked out afresh.
    @Test func keptHeaderReadingsEqualFreshOnes() throws {
        let schema = try Schema.defaultSchema()
        let header = Grid.header
        let rows = [Grid.row(1, Grid.a, "巴中甲电子有限公司")]
        var twoRow: [[Any?]] = [["单位：万元"], ["统一社会信用代码", "企业名称", "工业总产值", nil, "实缴税金", nil],
                                [nil, nil, "本月", "本年累计", "本月", "本年累计"]]
        let sheets = [
            Grid.wide(rows),
            Grid.sheet("月报", [["报告期：2024年7月"], header] + rows),                       // the same header a row higher
            Grid.sheet("月报", twoRow, merged: ["A2:A3", "B2:B3", "C2:D2", "E2:F2"]),
            Grid.sheet("月报", [["x"]] + twoRow, merged: ["A3:A4", "B3:B4", "C3:D3", "E3:F3"]),
            { twoRow[2][5] = "1-7月"; return Grid.sheet("月报", twoRow, merged: ["A2:A3", "B2:B3", "C2:D2", "E2:F2"]) }(),
            { twoRow[1][0] = "代码"; return Grid.sheet("月报", twoRow, merged: ["A2:A3", "B2:B3", "C2:D2"]) }(),
        ]
        func shown(_ h: HeaderScan?) -> String {
            guard let h else { return "none" }
            return "\(h.firstRow)-\(h.lastRow) \(h.columns.map { "\($0.column):\($0.field.id).\($0.part?.rawValue ?? "")@\($0.cell)" }) "
                + "\(h.unknown.map { "\($0.cell) \($0.label)" }) \(h.unitConflicts)"
        }
        let cache = LabelCache()
        for pass in 0..<2 {
            for sheet in sheets {
                let warm = HeaderScan.find(in: SheetGrid(sheet, matcher: schema.matcher, cache: cache), ignored: schema.ignoredKeys)
                let cold = HeaderScan.find(in: SheetGrid(sheet, matcher: schema.matcher), ignored: schema.ignoredKeys)
                #expect(shown(warm) == shown(cold), "pass \(pass)")
                #expect(warm != nil)
            }
        }
        #expect(cache.headerCount >= sheets.count)
    }
}
