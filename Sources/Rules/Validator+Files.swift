import Dispatch
import Foundation
import SheetModel
import XLSXReader
import ZipXML

/// Files and folders: what is skipped, what is a duplicate, and the reading itself. Files are only
/// ever read: never modified, moved or deleted.
extension Validator {
    @Sendable public static func readWorkbook(_ path: String) throws -> WorkbookData {
        try Workbook.load(path: path)
    }

    /// The reader, from memory when the file was read whole (see `FileBytes`).
    @Sendable public static func readWorkbook(_ path: String, bytes: FileBytes?) throws -> WorkbookData {
        if let bytes { return try Workbook.load(path: path, bytes: bytes) }
        return try Workbook.load(path: path)
    }

    /// Lock files `~$*`, `._*`, hidden files and empty files: reported, never opened.
    static func skipReason(_ path: String) -> String? {
        nameSkipReason(path) ?? emptyReason(path)
    }

    static func emptyReason(_ path: String) -> String? {
        var st = stat()
        return stat(path, &st) == 0 && st.st_size == 0 ? emptyFile : nil
    }

    static func nameSkipReason(_ path: String) -> String? {
        let name = PathName.last(path) ?? Substring(path)
        // A name that does not start with "~" or "." as bytes starts with neither as Characters (no
        // other text is canonically equivalent to them): most names are passed on that first byte.
        guard let first = name.utf8.first, first == UInt8(ascii: "~") || first == UInt8(ascii: ".") else { return nil }
        if name.hasPrefix("~$") { return "Office 打开文件时生成的临时锁文件" }
        if name.hasPrefix("._") { return "macOS 生成的附属文件" }
        if name.hasPrefix(".") { return "隐藏文件" }
        return nil
    }

    static let emptyFile = "空文件（0 字节）"

    static func skipped(_ path: String, reason: String) -> FileReport {
        FileReport(path: path, status: .skipped, findings: [Finding(rule: "file.skipped", severity: .info, file: path,
            message: "已跳过：\(reason)。如这是要报送的报表，请另存为正常的 .xlsx 文件。")], submissions: [])
    }

    /// Reads and checks one file. Reader failures become file-level findings (RF).
    public func validate(file: String, period: String?) -> FileReport {
        if let reason = Validator.skipReason(file) { return Validator.skipped(file, reason: reason) }
        return check(file: file, period: period)
    }

    /// Reads and checks a file the skip rules let through (from `bytes` when it was read whole;
    /// `read` is the outcome of reading it when that was done ahead, see `Preread`).
    func check(file: String, period: String?, bytes: FileBytes? = nil,
               read: Result<WorkbookData, any Error>? = nil) -> FileReport {
        let workbook: WorkbookData
        do {
            workbook = try read?.get() ?? load(file, bytes)
        } catch let e as SheetError {
            var message = e.message
            if e.code.ruleID == "file.not_xlsx", !message.contains(".xlsx") { message += "请另存为 .xlsx 后重新报送。" }
            return finish(file: file, findings: [Finding(rule: e.code.ruleID.hasPrefix("file.") ? e.code.ruleID : "file.corrupt",
                                                         severity: .error, file: file, message: message, rejectsFile: true)],
                          submissions: [], period: nil)
        } catch {
            return finish(file: file, findings: [Finding(rule: "file.corrupt", severity: .error, file: file,
                                                         message: "文件无法读取（\(error)）。请重新导出为 .xlsx 后报送。", rejectsFile: true)],
                          submissions: [], period: nil)
        }
        return validate(workbook: workbook, file: file, period: period)
    }

    /// Files and folders (walked recursively, sorted). The registry file `企业名录.xlsx` is not a
    /// submission. Byte-identical copies are skipped with file.duplicate; an enterprise reported
    /// twice for one period across files gets enterprise.duplicate. Files are checked on all cores;
    /// the report keeps input order. `progress`, when given, is called once per file as it finishes,
    /// from the worker thread that checked it.
    /// `expanded`: `paths` are files `expand` already returned, so none is looked at twice.
    public func validate(paths: [String], period: String?, expanded: Bool = false, preread: Preread = Preread(),
                         progress: (@Sendable (_ file: String) -> Void)? = nil) -> ValidationReport {
        validate(paths: paths, period: period, expanded: expanded, preread: preread, progress: progress, onFile: { _, _ in })
    }

    /// A file's content digest as a caller computes it (`ingest`: SHA-256 and size).
    public typealias Digest = (hash: String, size: Int)
    /// What a caller decides from a file's bytes before it is checked (see `admit`).
    public typealias Admission = (digest: Digest?, check: Bool)

    /// As `validate(paths:period:)`, also handing each file's final report to `onFile` (on the
    /// calling thread, in input order) as soon as it and every file before it are checked: `ingest`
    /// stores file k while later files are still being read. Duplicates are settled in that same
    /// order, so the earliest copy counts and the reports equal those of `validate(paths:period:)`.
    /// When `onFile` throws, files not yet started are not read and the workers are waited for.
    /// `fingerprints: false` leaves byte-identical copies to the caller. `admit`, when given, sees
    /// each file's bytes in the worker that read them, before the file is checked (files the skip
    /// rules set aside never reach it): its digest is handed to `onFile` with the report, and with
    /// `check: false` the file is not checked (its report is then an empty placeholder): `ingest`
    /// hashes each file from the same read and passes over those the store already holds.
    /// `preread`: files already read (`Preread`), taken from there instead of read again.
    public func validate(paths: [String], period: String?, fingerprints: Bool = true, expanded: Bool = false,
                         preread: Preread = Preread(),
                         progress: (@Sendable (_ file: String) -> Void)? = nil,
                         admit: (@Sendable (_ file: String, _ bytes: FileBytes?) -> Admission)? = nil,
                         onFile: (FileReport, _ digest: Digest?) throws -> Void) rethrows -> ValidationReport {
        // A stat per path, on this thread before any worker starts: not twice.
        let files = expanded ? paths : Validator.expand(paths)
        let results = ResultBox(count: files.count)
        let workers = DispatchGroup()
        // A worker takes a run of consecutive files, reads them, then checks them. Reading and
        // checking each file in turn made both slower, each pushing the other's working set (the
        // reader's buffers and tables, the checker's label caches and registry) out of the CPU's
        // caches: a tenth of validate's time at 5 000 files.
        let runs = FileRuns(count: files.count, workers: ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.global().async(group: workers) { [self] in
            DispatchQueue.concurrentPerform(iterations: runs.count) { r in
                var read: [ReadFile] = [], held = 0
                func checkRead() {
                    for f in read where !results.cancelled {
                        let report = f.admission.check ? check(file: files[f.index], period: period, bytes: f.bytes, read: f.workbook)
                            : FileReport(path: files[f.index], status: .skipped, findings: [], submissions: [])
                        results.set(f.index, report, fingerprint: f.fingerprint, digest: f.admission.digest)
                        progress?(files[f.index])
                    }
                    read.removeAll(keepingCapacity: true)
                    held = 0
                }
                for i in runs.files(r) {
                    guard !results.cancelled else { break }
                    // Each file is read once, whole: the bytes tell an empty file, give the
                    // content fingerprint and are parsed from memory.
                    guard let f = readFile(i, files[i], fingerprints: fingerprints, preread: preread, admit: admit, skipped: { report in
                        results.set(i, report, fingerprint: nil, digest: nil)
                        progress?(files[i])
                    }) else { continue }
                    read.append(f)
                    held += f.bytes?.count ?? 0
                    if held >= FileRuns.heldBytes { checkRead() }
                }
                checkRead()
            }
        }
        defer {
            results.cancel()
            workers.wait()
        }
        var all: [FileReport] = []
        all.reserveCapacity(files.count)
        var firstByFingerprint: [ContentFingerprint: String] = [:]
        var rows = DuplicateRows()
        for (i, file) in files.enumerated() {
            var (report, fingerprint, digest) = results.take(i)
            if let fingerprint {
                if let original = firstByFingerprint[fingerprint], ContentFingerprint.sameBytes(original, file) {
                    report = FileReport(path: file, status: .skipped, findings: [Finding(rule: "file.duplicate", severity: .info, file: file,
                        message: "与已读取的文件 \(original) 内容完全相同，不重复计入。")], submissions: [])
                } else if firstByFingerprint[fingerprint] == nil {
                    firstByFingerprint[fingerprint] = file
                }
            }
            rows.check(&report)
            try onFile(report, digest)
            all.append(report)
        }
        return ValidationReport(files: all)
    }

    /// A file read and not yet checked.
    struct ReadFile {
        var index: Int
        var bytes: FileBytes?
        var fingerprint: ContentFingerprint?
        var admission: Admission
        var workbook: Result<WorkbookData, any Error>?
    }

    /// Reads file `i` for checking: nil when the skip rules set it aside (`skipped` gets its report).
    private func readFile(_ i: Int, _ file: String, fingerprints: Bool, preread: Preread,
                          admit: (@Sendable (_ file: String, _ bytes: FileBytes?) -> Admission)?,
                          skipped: (FileReport) -> Void) -> ReadFile? {
        if let reason = Validator.nameSkipReason(file) {
            skipped(Validator.skipped(file, reason: reason))
            return nil
        }
        let ahead = preread.take(file)
        let bytes = ahead?.bytes ?? FileBytes(path: file)
        let fingerprint = fingerprints ? bytes.map(ContentFingerprint.init(bytes:)) ?? ContentFingerprint(path: file) : nil
        let size = bytes?.count ?? fingerprint?.size
        if let reason = size.map({ $0 == 0 ? Validator.emptyFile : nil }) ?? Validator.emptyReason(file) {
            skipped(Validator.skipped(file, reason: reason))
            return nil
        }
        let admission: Admission = admit?(file, bytes) ?? (digest: nil, check: true)
        // Read now, checked with the rest of its run; a file too big to hold is read by `check`.
        let workbook = ahead?.workbook ?? (admission.check && bytes != nil ? Result { try load(file, bytes) } : nil)
        return ReadFile(index: i, bytes: bytes, fingerprint: fingerprint, admission: admission, workbook: workbook)
    }

    /// Files as given, folders replaced by `files(in:)`.
    public static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { out.append(p); continue }
            guard isDir.boolValue else { out.append(p); continue }
            out += files(in: p)
        }
        return out
    }
}

/// The same enterprise in two files of one period: identical rows are kept once, different rows
/// make the later one an error (§6 enterprise.duplicate). Decided file by file in input order.
struct DuplicateRows {
    private var seen: [String: (file: String, values: Facts)] = [:]

    mutating func check(_ report: inout FileReport) {
        var kept: [Submission] = []
        for s in report.submissions {
            let key = s.uscc + "|" + s.period
            guard let first = seen[key] else { seen[key] = (report.path, s.values); kept.append(s); continue }
            if first.values == s.values { continue }
            report.findings.append(Finding(rule: "enterprise.duplicate", severity: .error, file: report.path,
                sheet: s.sheet, cell: s.usccCell, field: "uscc", value: s.uscc,
                message: "统一社会信用代码“\(s.uscc)”的 \(s.period) 数据已在 \(first.file) 中报送，且两处数据不同。请只保留一份正确的报表。"))
        }
        if kept.count != report.submissions.count || report.status != .skipped {
            report.submissions = kept
            if report.status != .skipped {
                report.status = FileReport.status(findings: report.findings, submissions: kept)
            }
        }
    }
}

/// Results written by the workers, one slot each, taken by the caller in input order as they arrive.
private final class ResultBox: @unchecked Sendable {
    /// The caller sleeps until this many more files are done: a wake-up per file (futex calls and
    /// context switches) was a fifth of validate's system time. Storing lags by at most this much.
    private static let batch = 16
    private var slots: [(FileReport, ContentFingerprint?, Validator.Digest?)?]
    private var done = 0
    private var wakeAt = Int.max
    private var stopped = false
    private let condition = NSCondition()
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: FileReport, fingerprint: ContentFingerprint?, digest: Validator.Digest?) {
        condition.lock()
        slots[i] = (r, fingerprint, digest)
        done += 1
        if done >= wakeAt { condition.signal() }
        condition.unlock()
    }

    /// Waits for slot i and empties it (the caller keeps the report; the box need not).
    func take(_ i: Int) -> (FileReport, ContentFingerprint?, Validator.Digest?) {
        condition.lock()
        defer { condition.unlock() }
        while slots[i] == nil {
            // Files finish nearly in order: by the time a batch is done, slot i almost always is.
            wakeAt = max(done + 1, min(i + 1 + ResultBox.batch, slots.count))
            condition.wait()
        }
        wakeAt = Int.max
        defer { slots[i] = nil }
        return slots[i]!
    }

    var cancelled: Bool { condition.lock(); defer { condition.unlock() }; return stopped }
    func cancel() { condition.lock(); stopped = true; condition.unlock() }
}

/// Size and a 64-bit hash of a file's bytes: equal fingerprints are confirmed byte by byte
/// before a file is called a duplicate, so a hash collision can never hide a submission.
struct ContentFingerprint: Hashable, Sendable {
    var size: Int
    var hash: UInt64

    /// A file too big to be held for parsing (see `FileBytes`) is still read whole for its
    /// fingerprint. Nil when it cannot be read or is not a regular file (a FIFO is never waited on).
    init?(path: String) {
        guard let bytes = FileBytes(path: path, limit: .max) else { return nil }
        self.init(bytes: bytes)
    }

    init(bytes: FileBytes) {
        size = bytes.count
        hash = ByteHash.hash(bytes.bytes)
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let x = FileManager.default.contents(atPath: a), let y = FileManager.default.contents(atPath: b) else { return false }
        return x == y
    }
}

/// Consecutive files a worker reads and then checks (see `validate(paths:…)`): up to 32, fewer
/// when there are few files, so that every core still gets several runs.
struct FileRuns {
    let count: Int
    private let length: Int
    private let total: Int
    /// Read files held by a worker before it checks them, at most (about 4 MB of workbooks).
    static let heldBytes = 4 << 20

    init(count files: Int, workers: Int) {
        total = files
        length = max(1, min(32, files / max(1, 4 * workers)))
        count = (files + length - 1) / length
    }

    func files(_ run: Int) -> Range<Int> { run * length..<min(total, (run + 1) * length) }
}
