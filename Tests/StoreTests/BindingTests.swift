import Foundation
import GRDB
import Rules
import TestSupport
@testable import Store
import Testing

/// `Store.insert` binds through SQLite's C API: what a finding or fact holds must come back as it
/// went in, text, empty text, NULL and numbers alike, across statements of many rows.
@Suite struct BindingTests {
    @Test func valuesRoundTripThroughMultiRowInserts() throws {
        let t = try TempStore()
        defer { t.remove() }
        // 1 200 findings: two full 99-row statements and a part, with texts of every kind.
        let findings = (0..<1_200).map { i in
            Finding(rule: "rule.\(i)", severity: i % 2 == 0 ? .warning : .info, file: "a.xlsx", sheet: i % 3 == 0 ? nil : "",
                    cell: nil, field: i % 5 == 0 ? "字段\(i)" : nil, value: i % 7 == 0 ? "" : "值 \"\(i)\"",
                    message: String(repeating: "说明", count: i % 40))
        }
        var facts: [String: [String: Double]] = [:]
        for f in 0..<300 { facts["f\(f)"] = ["cur": Double(f) / 3, "ytd": -Double(f) * 1e300] }
        let s = Submission(uscc: "91511903PDY00001X4", name: "甲", period: "2024-07", facts: facts, sheet: "月报", row: 5)
        let report = FileReport(path: "a.xlsx", status: .accepted, findings: findings, submissions: [s], period: "2024-07")
        try t.store.record(report, sha256: "h", size: 1, snapshotID: nil)

        // Text after a NUL was never stored (GRDB bound C strings); it still is not.
        try t.store.record(FileReport(path: "b.xlsx", status: .accepted, findings: [Finding(rule: "r", severity: .info, file: "b.xlsx",
                           value: "前\u{0}后", message: "m")], submissions: [], period: "2024-07"), sha256: "h2", size: 1, snapshotID: nil)
        let stored = try t.store.db.read { db in try Int.fetchOne(db, sql: "SELECT length(CAST(value AS BLOB)) FROM finding WHERE rule = 'r'") }
        #expect(stored == 3)

        let back = try t.store.storedReport(fileID: try #require(t.store.knownFiles()["h"]).id, path: "a.xlsx")
        #expect(back.findings.count == findings.count)
        for (a, b) in zip(findings, back.findings) {
            #expect(a.rule == b.rule && a.severity == b.severity && a.sheet == b.sheet && a.field == b.field
                    && a.value == b.value && a.message == b.message)
        }
        #expect(try t.store.currentSubmissions(period: "2024-07").first?.facts == facts)

        // The period's findings, read column by column with repeated texts reused (`ColumnTexts`):
        // texts, NULLs and empty texts alternate in every column above.
        let period = try t.store.findings(period: "2024-07").filter { $0.file == "a.xlsx" }
        #expect(period.count == findings.count)
        for (a, b) in zip(findings, period) {
            #expect(a.rule == b.rule && a.severity == b.severity && a.sheet == b.sheet && a.field == b.field
                    && a.value == b.value && a.message == b.message && a.rejectsFile == b.rejectsFile)
        }
    }
}

extension BindingTests {
    /// The registry's JSON reuses the last row's key order when the key set is the same.
    @Test func registryJSONIsSortedWhateverTheKeysBefore() {
        #expect(Store.json(["b": "1", "a": "2"]) == #"{"a":"2","b":"1"}"#)
        #expect(Store.json(["b": "1", "c": "2"]) == #"{"b":"1","c":"2"}"#)      // same count, other keys
        #expect(Store.json(["c": "1", "b": "2", "a": "3"]) == #"{"a":"3","b":"2","c":"1"}"#)
        #expect(Store.json(["c": "9", "b": "8", "a": "7"]) == #"{"a":"7","b":"8","c":"9"}"#)
        #expect(Store.json([:]) == "{}")
    }

    /// A registry entry keeps its columns sorted by id: the snapshot writes them as they are, and
    /// that must be the sorted JSON; `values` and `value(_:)` read the same pairs.
    @Test func registryEntriesKeepTheirColumnsSorted() throws {
        let registry = try Registry.read(Validator.readWorkbook(Fixtures.path("inbox/企业名录.xlsx")), schema: Schema.defaultSchema())
        #expect(registry.enterprises.count >= 25)
        for e in registry.enterprises {
            let keys = e.sortedValues.map { $0.key }
            #expect(keys == keys.sorted() && Set(keys).count == keys.count && keys.count >= 8)
            #expect(Store.json(sorted: e.sortedValues) == Store.json(e.values))
            #expect(Registry.Enterprise(uscc: e.uscc, name: e.name, aliases: e.aliases, status: e.status, values: e.values) == e)
            #expect(e.values.allSatisfy { e.value($0.key) == $0.value } && e.value("no_such_field") == nil)
        }
    }

    @Test func landAreaParsesPlainAndFormattedNumbers() {
        #expect(Store.number("12") == 12 && Store.number("12.5") == 12.5)
        #expect(Store.number(" 1,234.5 ") == 1234.5 && Store.number("-3") == -3)
        #expect(Store.number("") == nil && Store.number(".") == nil && Store.number("约10") == nil)
    }
}

extension BindingTests {
    @Test func registryFlagsReadWithOrWithoutSpaces() {
        #expect(Store.yesNo("是") == true && Store.yesNo(" 是\u{3000}") == true && Store.yesNo("规下") == false)
        #expect(Store.yesNo(" no ") == false && Store.yesNo("") == nil && Store.yesNo(nil) == nil && Store.yesNo("待定") == nil)
    }
}

extension BindingTests {
    /// `record` runs its own BEGIN/COMMIT: a failure half-way leaves nothing of the file, and the
    /// store takes the next file normally.
    @Test func failedRecordLeavesNothingBehind() throws {
        let t = try TempStore()
        defer { t.remove() }
        func report(_ path: String, _ value: Double) -> FileReport {
            let s = Submission(uscc: "91511903PDY00001X4", name: "甲", period: "2024-07", facts: ["gross_output": ["cur": value]],
                               sheet: "月报", row: 5)
            return FileReport(path: path, status: .accepted, findings: [Finding(rule: "r", severity: .info, file: path, message: "m")],
                              submissions: [s], period: "2024-07")
        }
        // NaN binds as NULL, which `fact.value NOT NULL` refuses after the file, finding and submission rows went in.
        #expect(throws: (any Error).self) { try t.store.record(report("bad.xlsx", .nan), sha256: "bad", size: 1, snapshotID: nil) }
        let counts = try t.store.rowCounts()
        #expect(counts["file"] == 0 && counts["finding"] == 0 && counts["submission"] == 0 && counts["fact"] == 0)
        #expect(try t.store.record(report("good.xlsx", 5), sha256: "good", size: 1, snapshotID: nil))
        #expect(try t.store.currentSubmissions(period: "2024-07").first?.facts["gross_output"]?["cur"] == 5)
        #expect(try t.store.integrityCheck() == "ok")
    }
}

extension BindingTests {
    /// Files stored together share a transaction, yet a file that cannot be stored leaves the ones
    /// before it stored and nothing of itself or the ones after it, as one transaction per file did.
    @Test func aFailedFileInAGroupKeepsTheFilesBeforeIt() throws {
        let t = try TempStore()
        defer { t.remove() }
        func file(_ n: Int, _ value: Double) -> FileToStore {
            let uscc = "9151190\(n)PDY00001X4"
            let s = Submission(uscc: uscc, name: "企业\(n)", period: "2024-07", facts: ["gross_output": ["cur": value]], sheet: "月报", row: 5)
            return FileToStore(FileReport(path: "f\(n).xlsx", status: .accepted, findings: [Finding(rule: "r", severity: .info,
                               file: "f\(n).xlsx", message: "m")], submissions: [s], period: "2024-07"), sha256: "h\(n)", size: 1, snapshotID: nil)
        }
        #expect(try t.store.record([file(1, 1), file(2, 2)]) == [true, true])
        // The same bytes again, inside a group: not stored twice, the others are.
        #expect(try t.store.record([file(3, 3), file(2, 2), file(4, 4)]) == [true, false, true])
        #expect(throws: (any Error).self) { try t.store.record([file(5, 5), file(6, 6), file(7, .nan), file(8, 8)]) }
        let stored = try t.store.currentSubmissions(period: "2024-07").map { $0.facts["gross_output"]?["cur"] ?? -1 }.sorted()
        #expect(stored == [1, 2, 3, 4, 5, 6])
        let counts = try t.store.rowCounts()
        #expect(counts["file"] == 6 && counts["finding"] == 6 && counts["submission"] == 6)
        #expect(Set(try t.store.knownFiles().keys) == ["h1", "h2", "h3", "h4", "h5", "h6"])
        #expect(try t.store.integrityCheck() == "ok")
    }
}
