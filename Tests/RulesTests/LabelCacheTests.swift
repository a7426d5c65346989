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
}
