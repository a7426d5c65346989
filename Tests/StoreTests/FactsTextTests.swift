import Foundation
import GRDB
import Rules
import SheetModel
@testable import Store
import Testing
import TestSupport

/// Facts live in `submission.facts` as JSON since migration "v2": every Double must come back as
/// the same Double, stores of "v1" must be converted without changing a figure, and the `fact`
/// view must still show one row per fact to SQL.
@Suite struct FactsTextTests {
    static let awkward: [String: [String: Double]] = [
        "gross_output": ["cur": 0.1, "ytd": 1.0 / 3, "py_cur": -0.0, "py_ytd": 123_456_789.123_456_78],
        "tax_paid": ["cur": 5e-324, "ytd": .greatestFiniteMagnitude, "end": -1e300, "py_end": 16],
        "inf": ["up": .infinity, "down": -.infinity],
        "字段 \"引号\"\\\n": ["部分\t": 2.5e-7],
    ]

    @Test func valuesRoundTripExactly() throws {
        let text = try FactsText.encode(Self.awkward)
        let back = try FactsText.decode(text)
        #expect(back == Self.awkward)
        #expect(back["gross_output"]?["py_cur"]?.sign == .minus)
        // Keys sorted, no white space: the text is a function of the facts.
        #expect(try FactsText.encode(["b": ["y": 1, "x": 2], "a": ["z": 0.5]]) == #"{"a":{"z":0.5},"b":{"x":2.0,"y":1.0}}"#)
        #expect(try FactsText.encode([:]) == "{}" && FactsText.decode("{}").isEmpty)
        #expect(try FactsText.encode(["empty": [:]]) == "{}")
    }

    /// `encode` copies plain keys as they are and writes a lone part without sorting: the text must
    /// be what the plain way gives (every key through `JSON.append`, every level sorted).
    @Test func encodeEqualsThePlainWay() throws {
        func plain(_ facts: [String: [String: Double]]) -> String {
            var out: [UInt8] = [UInt8(ascii: "{")]
            for (field, parts) in facts.sorted(by: { $0.key < $1.key }) where !parts.isEmpty {
                if out.count > 1 { out.append(UInt8(ascii: ",")) }
                JSON.append(field, to: &out)
                out += Array(":{".utf8)
                for (i, (part, value)) in parts.sorted(by: { $0.key < $1.key }).enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    JSON.append(part, to: &out)
                    out.append(UInt8(ascii: ":"))
                    FactsText.number(value, into: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "}"))
            return String(decoding: out, as: UTF8.self)
        }
        let names = ["gross_output", "tax_paid", "employees_end", "a", "z\"q", "back\\slash", "tab\t", "产值", "é", "e\u{301}", ""]
        let parts = ["cur", "ytd", "end", "py_cur", "\u{1}", "本月"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var facts: [String: [String: Double]] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                var p: [String: Double] = [:]
                for _ in 0..<Int.random(in: 0...3, using: &rng) { p[parts.randomElement(using: &rng)!] = Double(Int.random(in: -999...999, using: &rng)) / 8 }
                facts[names.randomElement(using: &rng)!] = p
            }
            let text = try FactsText.encode(facts)
            #expect(text == plain(facts))
            // A submission's flat facts (`Facts`) give the same text.
            #expect(try FactsText.encode(Facts(facts)) == text)
            #expect(try FactsText.decode(text) == facts.filter { !$0.value.isEmpty })
        }
        #expect(try FactsText.encode(Self.awkward) == plain(Self.awkward))
        #expect(try FactsText.encode(Facts(Self.awkward)) == plain(Self.awkward))
        #expect(try FactsText.encode(Facts()) == "{}" && FactsText.encode(Facts(["empty": [:]])) == "{}")
        #expect(Facts(Self.awkward).nested == Self.awkward)
    }

    /// The decimal fast path and the fallback, over figures as reported and over arbitrary bit patterns.
    @Test func numbersReadBackAsTheSameDouble() throws {
        func text(_ v: Double) -> String {
            var out: [UInt8] = []
            FactsText.number(v, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text(16) == "16.0" && text(0) == "0.0" && text(-0.0) == "-0.0" && text(0.65) == "0.65")
        #expect(text(-3.5) == "-3.5" && text(2351.79) == "2351.79" && text(0.000001) == "0.000001" && text(1.0 / 3) == (1.0 / 3).description)
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [1e15, 999_999_999_999_999.9, 9_007_199_254_740_993, 0.1 + 0.2, 1e-7, 123_456.123_456_7]
        for _ in 0..<20_000 {
            values.append(Double(Int.random(in: -10_000_000_000...10_000_000_000, using: &rng)) / [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7][Int.random(in: 0..<8, using: &rng)])
            let bits = Double(bitPattern: rng.next())
            if bits.isFinite { values.append(bits) }
            values.append(Double.random(in: -1e6...1e6, using: &rng))
        }
        for v in values {
            let t = text(v)
            #expect(Double(t) == v && Double(t)?.sign == v.sign, "\(v) written as \(t)")
            // A submission's facts are written in place (`encode(_: Facts)`): the same text.
            #expect(try FactsText.encode(Facts(["a": ["x": v]])) == #"{"a":{"x":"# + t + "}}", "\(v)")
            let back = try? FactsText.decode(#"{"a":{"x":"# + t + "}}")["a"]?["x"]
            #expect(back == v && back?.sign == v.sign, "\(t) read as \(String(describing: back))")
        }
        // The quick reading (the reader's FastNumber) agrees with the standard library's wherever it
        // answers, and leaves it the rest.
        for t in ["0", "-0", "0.5", "123456789012345", "99999999999999.9", "0.000000000000001", "-1.25", "7.0", "1.", ".5"]
            + values.map(\.description) {
            let q = t.utf8.withContiguousStorageIfAvailable { FastNumber.parse($0) } ?? nil
            if let q { #expect(q == Double(t) && q.sign == Double(t)?.sign, "\(t)") }
        }
        #expect(["1e5", "1234567890123456", "--1", "1.2.3", ""].allSatisfy { t in
            (t.utf8.withContiguousStorageIfAvailable { FastNumber.parse($0) } ?? nil) == nil })
        #expect(try FactsText.decode(#"{"a":{"x":1e5,"y":1234567890123456}}"#) == ["a": ["x": 1e5, "y": 1234567890123456]])
    }

    @Test func anyJSONOfTheShapeReads() throws {
        #expect(try FactsText.decode(#" { "a" : { "x" : 1 , "y":-2.5E+3 } , "\u00e9\ud83d\ude00" : {} } "#)
                == ["a": ["x": 1, "y": -2500]])
        #expect(try FactsText.decode(#"{"\u00e9\ud83d\ude00":{"p":1}}"#) == ["é😀": ["p": 1]])
        for bad in ["", "{", #"{"a":1}"#, #"{"a":{"x":}}"#, #"{"a":{"x":1}"#, #"{"a":{"x":1}}x"#, #"{"a":{"x":nan}}"#] {
            #expect(throws: FactsText.Malformed.self) { _ = try FactsText.decode(bad) }
        }
    }

    @Test func nanIsRefusedLikeTheNotNullColumnDid() {
        #expect(throws: DatabaseError.self) { _ = try FactsText.encode(["a": ["x": .nan]]) }
    }

    @Test func factViewShowsOneRowPerFact() throws {
        let t = try TempStore()
        defer { t.remove() }
        let s = Submission(uscc: "91511903PDY00001X4", name: "甲", period: "2024-07",
                           facts: ["gross_output": ["cur": 100.5, "ytd": 700], "employees_end": ["end": 16]], sheet: "月报", row: 5)
        try t.store.record(FileReport(path: "a.xlsx", status: .accepted, findings: [], submissions: [s], period: "2024-07"),
                           sha256: "h", size: 1, snapshotID: nil)
        let rows = try t.store.db.read { db in
            try Row.fetchAll(db, sql: "SELECT field, part, value FROM fact ORDER BY field, part").map { "\($0[0] as String).\($0[1] as String)=\($0[2] as Double)" }
        }
        #expect(rows == ["employees_end.end=16.0", "gross_output.cur=100.5", "gross_output.ytd=700.0"])
        #expect(try t.store.rowCounts()["fact"] == 3)
    }

    /// A store written before "v2" (facts as rows) is converted on opening, figures unchanged.
    @Test func v1StoreIsConverted() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Store.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO file(id, sha256, path, size, period, status, first_seen, last_seen) VALUES
                      (1, 'h1', 'a.xlsx', 1, '2024-07', 'accepted', 't', 't'), (2, 'h2', 'b.xlsx', 1, '2024-07', 'accepted', 't', 't');
                    INSERT INTO submission(id, file_id, uscc, name, period, sheet, row, revision, superseded_by) VALUES
                      (1, 1, 'U1', '甲', '2024-07', '月报', 5, 1, 3), (2, 1, 'U2', '乙', '2024-07', '月报', 6, 1, NULL),
                      (3, 2, 'U1', '甲', '2024-07', '月报', 5, 2, NULL), (4, 2, 'U3', '丙', '2024-07', '月报', 7, 1, NULL);
                    """)
                for (id, facts) in [(1, Self.awkward), (3, ["gross_output": ["cur": 0.3, "ytd": 2.1]])] as [(Int64, [String: [String: Double]])] {
                    for (field, parts) in facts { for (part, v) in parts {
                        try db.execute(sql: "INSERT INTO fact VALUES (?, ?, ?, ?)", arguments: [id, field, part, v])
                    } }
                }
            }
        }
        let store = try Store(path: path)
        let current = try store.currentSubmissions(period: "2024-07")
        #expect(current.map(\.uscc) == ["U1", "U2", "U3"])
        #expect(current[0].facts == ["gross_output": ["cur": 0.3, "ytd": 2.1]])
        #expect(current[1].facts.isEmpty && current[2].facts.isEmpty)
        let revisions = try store.revisions(period: "2024-07")
        #expect(revisions.count == 1 && revisions[0].old.facts == Self.awkward)
        #expect(try store.rowCounts()["fact"] == 13)
        #expect(try store.integrityCheck() == "ok")
        // New files are stored normally after the conversion.
        let s = Submission(uscc: "U2", name: "乙", period: "2024-07", facts: ["gross_output": ["cur": 9]], sheet: "月报", row: 6)
        #expect(try store.record(FileReport(path: "c.xlsx", status: .accepted, findings: [], submissions: [s], period: "2024-07"),
                                 sha256: "h3", size: 1, snapshotID: nil))
        #expect(try store.currentSubmissions(period: "2024-07")[1].facts == ["gross_output": ["cur": 9]])
        #expect(try store.revisions(period: "2024-07").count == 2)
    }
}
