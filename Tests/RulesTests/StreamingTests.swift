import Foundation
import SheetModel
import Testing
@testable import Rules

/// `validate(paths:period:onFile:)`, which `ingest` stores from while later files are still being
/// read: the same reports as the batch call, handed over once each, in input order, duplicates included.
@Suite struct StreamingTests {
    func inbox(_ files: [(String, String)]) throws -> URL {
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: URL(fileURLWithPath: NSTemporaryDirectory()), create: true)
        let month = dir.appendingPathComponent("2024-07")
        try FileManager.default.createDirectory(at: month, withIntermediateDirectories: true)
        for (name, body) in files { try Data(body.utf8).write(to: month.appendingPathComponent(name)) }
        return dir
    }

    let validator: Validator = {
        let books: [String: WorkbookData] = [
            "A": Grid.book(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司")])),
            "B": Grid.book(Grid.wide([Grid.row(1, Grid.a, "巴中甲电子有限公司", ["D": 101.0])])),
        ]
        return Validator(schema: Grid.schema, registry: Grid.registry) { path, _ in
            let key = try String(contentsOfFile: path, encoding: .utf8)
            guard let b = books[key.prefix(1).description] else { throw SheetError(.notXLSX, file: path, message: "不是 xlsx") }
            return b
        }
    }()

    @Test func sameReportsInInputOrder() throws {
        // Many files, so workers finish out of order; every third differs (enterprise.duplicate), copies repeat (file.duplicate).
        var files: [(String, String)] = []
        for i in 0..<120 { files.append((String(format: "f%03d.xlsx", i), i % 3 == 0 ? "B\(i % 7)" : "A\(i % 5)")) }
        files.append(("~$lock.xlsx", "x"))
        let dir = try inbox(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = validator.validate(paths: [dir.path], period: nil)
        var streamed: [FileReport] = []
        let returned = validator.validate(paths: [dir.path], period: nil) { r, _ in streamed.append(r) }
        func digest(_ r: [FileReport]) -> [String] {
            r.map { "\($0.path) \($0.status) \($0.findings.map(\.rule)) \($0.submissions.count)" }
        }
        #expect(digest(streamed) == digest(batch.files))
        #expect(digest(returned.files) == digest(batch.files))
        #expect(batch.files.contains { $0.findings.map(\.rule) == ["file.duplicate"] })
        #expect(batch.files.contains { $0.findings.map(\.rule) == ["enterprise.duplicate"] })
    }

    @Test func aThrowingCallbackStopsAndRethrows() throws {
        let dir = try inbox((0..<50).map { (String(format: "f%03d.xlsx", $0), "A\($0)") })
        defer { try? FileManager.default.removeItem(at: dir) }
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try validator.validate(paths: [dir.path], period: nil) { _, _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }

    /// `admit` sees each file's bytes once, in input order its digest reaches `onFile`, and a file
    /// it declines is not checked; skipped files never reach it.
    @Test func admitDigestsFromTheSameReadAndCanDecline() throws {
        let dir = try inbox([("a.xlsx", "A1"), ("b.xlsx", "B22"), ("~$lock.xlsx", "x")])
        defer { try? FileManager.default.removeItem(at: dir) }
        var seen: [(String, Validator.Digest?)] = []
        let r = validator.validate(paths: [dir.path], period: nil, fingerprints: false, admit: { file, bytes in
            let size = bytes?.count ?? -1
            return ((hash: (file as NSString).lastPathComponent, size: size), !file.hasSuffix("b.xlsx"))
        }) { report, digest in seen.append((report.path, digest)) }
        #expect(seen.map { $0.1?.hash } == ["a.xlsx", "b.xlsx", nil])
        #expect(seen.map { $0.1?.size } == [2, 3, nil])
        #expect(r.files[0].status == .accepted && !r.files[0].submissions.isEmpty)
        #expect(r.files[1].submissions.isEmpty && r.files[1].findings.isEmpty)    // declined: not checked
        #expect(r.files[2].findings.map(\.rule) == ["file.skipped"])
    }

    @Test func withoutFingerprintsCopiesAreLeftToTheCaller() throws {
        let dir = try inbox([("a.xlsx", "A"), ("b.xlsx", "A")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = validator.validate(paths: [dir.path], period: nil, fingerprints: false) { _, _ in }
        #expect(r.files.map(\.status) == [.accepted, .accepted])
    }

    /// Runs of consecutive files cover every file once, in order: at most 32 each, and several
    /// per core whenever there are files enough.
    @Test func fileRunsCoverEveryFileOnce() {
        for count in [0, 1, 2, 7, 8, 9, 63, 100, 255, 256, 257, 4_250] {
            for workers in [1, 2, 8] {
                let runs = FileRuns(count: count, workers: workers)
                let all = (0..<runs.count).flatMap { Array(runs.files($0)) }
                #expect(all == Array(0..<count), "\(count) \(workers)")
                #expect((0..<runs.count).allSatisfy { runs.files($0).count <= 32 && !runs.files($0).isEmpty })
                #expect(runs.count >= min(count, 4 * workers))
            }
        }
    }

    /// Files read ahead (`Preread`, filled while the registry loads) are taken from there, with
    /// their bytes for fingerprints and `admit`; reading stops when asked, lock and empty files are
    /// left to the validator, and the reports are those of reading every file in the workers.
    @Test func prereadFilesAreNotReadAgain() throws {
        let dir = try inbox([("a.xlsx", "A1"), ("b.xlsx", "A1"), ("c.xlsx", "B2"), ("d.xlsx", "A3"), ("e.xlsx", ""),
                             ("~$lock.xlsx", "x")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = Validator.files(in: dir.path)
        var asked = 0
        let ahead = Preread.read(files, load: validator.load) { asked += 1; return asked > 3 }
        #expect(ahead.count == 3)    // a, b, c: asked before each of them, and stopped before d
        let all = Preread.read(files, load: validator.load) { false }
        #expect(all.count == 4)      // not the empty file e, nor the lock file
        #expect(Preread.read(files, load: validator.load, byteLimit: 4) { false }.count == 2)    // a and b hold 4 bytes
        // A validator whose own reader fails on everything: only the files read ahead are readable.
        var failing = validator
        failing.load = { path, _ in throw SheetError(.notXLSX, file: path, message: "不是 xlsx") }
        let r = failing.validate(paths: files, period: nil, expanded: true, preread: ahead)
        #expect(ahead.count == 0)    // each taken by the worker that checked its file
        let corrupt = r.files.map { $0.findings.contains { $0.rule == "file.not_xlsx" } }
        #expect(corrupt == [false, false, false, true, false, false])    // only d was read by the failing reader
        #expect(r.files[0].status == .accepted && r.files[0].submissions.count == 1)
        #expect(r.files[1].findings.map(\.rule) == ["file.duplicate"])   // b's fingerprint from its preread bytes
        #expect(r.files[2].findings.map(\.rule) == ["enterprise.duplicate"])
        let plain = validator.validate(paths: files, period: nil, expanded: true)
        let withAll = validator.validate(paths: files, period: nil, expanded: true, preread: all)
        func digest(_ r: ValidationReport) -> [String] {
            r.files.map { "\($0.path) \($0.status) \($0.findings.map(\.rule)) \($0.submissions.count)" }
        }
        #expect(digest(withAll) == digest(plain))
    }
}
