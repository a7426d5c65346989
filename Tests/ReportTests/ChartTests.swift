import Testing
@testable import Report

/// The SVG chart module: scales, ticks, paths, and charts with nothing to draw.
@Suite struct ChartTests {
    @Test func niceTicksForTheParksOutput() {
        let s = LinearScale(covering: [0, 27346.2], from: 300, to: 0)
        #expect(s.ticks == [0, 5000, 10000, 15000, 20000, 25000, 30000])
        #expect(s.label(25000) == "25,000")
        #expect(s(0) == 300)
        #expect(s(30000) == 0)
        #expect(s(15000) == 150)
    }

    @Test func niceTicksForSmallNegativeAndFlatData() {
        #expect(LinearScale(covering: [0.12, 0.87], tickCount: 5, from: 0, to: 100).ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(LinearScale(covering: [0.12, 0.87], tickCount: 5, from: 0, to: 100).label(0.6000000000000001) == "0.6")
        let negative = LinearScale(covering: [-120, 480], tickCount: 6, from: 0, to: 100)
        #expect(negative.ticks.first == -200 && negative.ticks.last == 500)
        let flat = LinearScale(covering: [0, 0], from: 0, to: 100)
        #expect(flat.ticks == [0, 1])
    }

    @Test func linePathBreaksAtGaps() {
        #expect(LineChart.path([(0, 10), (5, 20), nil, (15, 5), (20.26, 1)]) == "M0 10L5 20M15 5L20.3 1")
        #expect(LineChart.path([nil, nil]) == "")
    }

    @Test func lineChartDrawsOnePathPerSeriesWithAxesAndLegend() {
        let chart = LineChart(title: "产值", unit: "万元", categories: ["1月", "2月", "3月"],
                              series: [.init(name: "电子信息", values: [100, 200, 150]), .init(name: "食品饮料", values: [50, nil, 70])])
        let svg = chart.render().render()
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "class=\"series\"").count - 1 == 2)
        #expect(svg.contains(">万元</text>") && svg.contains(">电子信息</text>") && svg.contains(">3月</text>"))
        #expect(svg.contains(">250</text>") || svg.contains(">200</text>"))
    }

    @Test func emptyDataGivesAPlaceholderNotACrash() {
        let charts = [
            LineChart(title: "产值", unit: "万元", categories: [], series: []).render(),
            LineChart(title: "产值", unit: "万元", categories: ["1月"], series: [.init(name: "电子信息", values: [nil])]).render(),
            BarChart(title: "企业", unit: "万元", items: []).render(),
            BarChart(title: "企业", unit: "万元", items: [.init(label: "甲", value: .nan)]).render(),
            CompositionChart(title: "构成", unit: "万元", parts: [.init(name: "规上", value: 0)]).render(),
        ]
        for c in charts {
            let svg = c.render()
            #expect(svg.contains("暂无数据"))
            #expect(!svg.contains("<path"))
        }
    }

    @Test func barsAreProportionalAndLongNamesShortened() {
        let chart = BarChart(title: "企业", unit: "万元",
                             items: [.init(label: "巴中华芯<精密>&电子有限公司", value: 6120.5), .init(label: "一二三四五六七八九十一二三四五六七八九十", value: 860.9)])
        let svg = chart.render().render()
        #expect(svg.components(separatedBy: "<path").count - 1 == 2)
        #expect(svg.contains("巴中华芯&lt;精密&gt;&amp;电子有限公司"))
        #expect(svg.contains("一二三四五六七八九十一二三四五六七…"))
        #expect(svg.contains(">6,120.50</text>"))
    }

    @Test func compositionSharesAddUp() {
        let svg = CompositionChart(title: "构成", unit: "万元", parts: [.init(name: "规上", value: 75), .init(name: "规下", value: 25)])
            .render().render()
        #expect(svg.contains("规上 75.0%") && svg.contains("规下 25.0%"))
    }
}
