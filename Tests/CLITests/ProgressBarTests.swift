import Testing
@testable import parkstat

/// The bar's text as a pure function: rate, time left, and cutting to the terminal's width with
/// CJK characters counted as two columns.
struct ProgressBarTests {
    @Test func lineShowsCountRateEtaAndCurrentFile() {
        let line = ProgressBar.line(done: 25, total: 100, elapsed: 5, current: "inbox/2024-07/巴中汇显光电有限公司-2024年7月.xlsx", width: 200)
        #expect(line == "[====>               ] 已处理 25/100 个文件 · 5.0 个/秒 · 剩余约 15 秒 · 当前：巴中汇显光电有限公司-2024年7月.xlsx")
    }

    @Test func nothingToEstimateBeforeTheFirstFileAndNoEtaAtTheEnd() {
        #expect(ProgressBar.line(done: 0, total: 10, elapsed: 0, current: "", width: 80) == "[                    ] 已处理 0/10 个文件")
        #expect(ProgressBar.line(done: 10, total: 10, elapsed: 0.5, current: "a.xlsx", width: 80)
            == "[====================] 已处理 10/10 个文件 · 20 个/秒 · 当前：a.xlsx")
    }

    @Test func etaAndRateFormats() {
        #expect(ProgressBar.formatETA(0.2) == "1 秒")
        #expect(ProgressBar.formatETA(59) == "59 秒")
        #expect(ProgressBar.formatETA(125) == "2 分 5 秒")
        #expect(ProgressBar.formatETA(7300) == "2 小时 1 分")
        #expect(ProgressBar.formatRate(0.25) == "0.3")
        #expect(ProgressBar.formatRate(9.94) == "9.9")
        #expect(ProgressBar.formatRate(123.4) == "123")
    }

    @Test func truncationCountsWideCharactersTwice() {
        #expect(ProgressBar.displayWidth("abc") == 3)
        #expect(ProgressBar.displayWidth("巴中a") == 5)
        #expect(ProgressBar.displayWidth("（：）") == 6)
        #expect(ProgressBar.truncate("巴中临港产业园", toColumns: 9) == "巴中临...")
        #expect(ProgressBar.truncate("巴中临港", toColumns: 8) == "巴中临港")
        let line = ProgressBar.line(done: 3, total: 9, elapsed: 1, current: "巴中锐屏显示技术有限公司-2024年7月.xlsx", width: 90)
        #expect(ProgressBar.displayWidth(line) <= 89)
        #expect(line.hasSuffix("..."))
        #expect(line.hasPrefix("[=====>              ] 已处理 3/9 个文件 · 3.0 个/秒 · 剩余约 2 秒 · 当前："))
    }

    @Test func aDisabledBarDrawsNothingAndCountsNothing() {
        let bar = ProgressBar(total: 3, enabled: false)
        bar.advance("a.xlsx")
        bar.finish()
        #expect(!bar.enabled)
    }
}

/// When a changed file counts as complete, with a stat that the test controls.
struct SettlerTests {
    final class FakeFiles: @unchecked Sendable { var stamps: [String: FileStamp] = [:] }

    @Test func aFileIsReadyOnlyAfterItsStampHeldStill() {
        let files = FakeFiles()
        var s = Settler(settle: 1)
        s.stat = { files.stamps[$0] }
        files.stamps["old.xlsx"] = FileStamp(size: 5, mtimeNanos: 1)
        s.baseline("old.xlsx")
        s.touch("old.xlsx", now: 0)
        #expect(!s.hasPending)    // present at start and unchanged: not new

        files.stamps["a.xlsx"] = FileStamp(size: 10, mtimeNanos: 1)
        s.touch("a.xlsx", now: 0)
        #expect(s.ready(now: 0.9).isEmpty)
        files.stamps["a.xlsx"] = FileStamp(size: 20, mtimeNanos: 2)    // still being copied
        #expect(s.ready(now: 1.2).isEmpty)
        #expect(s.ready(now: 2.1).isEmpty)
        #expect(s.ready(now: 2.3) == ["a.xlsx"])
        s.markHandled("a.xlsx")
        s.touch("a.xlsx", now: 3)
        #expect(!s.hasPending)

        files.stamps["a.xlsx"] = FileStamp(size: 21, mtimeNanos: 3)    // changed again: handled again
        s.touch("a.xlsx", now: 4)
        #expect(s.ready(now: 5) == ["a.xlsx"])
        files.stamps["a.xlsx"] = nil    // removed before it settled
        #expect(s.ready(now: 6).isEmpty)
    }

    @Test func temporaryAndLockFilesAreIgnored() {
        for name in ["~$报表.xlsx", "._报表.xlsx", ".hidden.xlsx", "a.xlsx.tmp", "a.xlsx.part", "a.xlsx.crdownload",
                     "summary.json.tmp-123", "a.xlsx~"] {
            #expect(WatchFilter.ignores("inbox/2024-07/" + name), "\(name)")
        }
        #expect(!WatchFilter.ignores("inbox/2024-07/巴中汇显光电有限公司-2024年7月.xlsx"))
    }
}
