import Dispatch
import Foundation
import SheetModel
import XLSXReader

/// Files and folders: what is skipped, what is a duplicate, and the reading itself. Files are only
/// ever read: never modified, moved or deleted.
extension Validator {
    @Sendable public static func readWorkbook(_ path: String) throws -> WorkbookData {
        try Workbook.load(path: path)
    }

    /// Lock files `~$*`, `._*`, hidden files and empty files: reported, never opened.
    static func skipReason(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix("~$") { return "Office 打开文件时生成的临时锁文件" }
        if name.hasPrefix("._") { return "macOS 生成的附属文件" }
        if name.hasPrefix(".") { return "隐藏文件" }
        var st = stat()
        if stat(path, &st) == 0, st.st_size == 0 { return "空文件（0 字节）" }
        return nil
    }

    static func skipped(_ path: String, reason: String) -> FileReport {
        FileReport(path: path, status: .skipped, findings: [Finding(rule: "file.skipped", severity: .info, file: path,
            message: "已跳过：\(reason)。如这是要报送的报表，请另存为正常的 .xlsx 文件。")], submissions: [])
    }

    /// Reads and checks one file. Reader failures become file-level findings (RF).
    public func validate(file: String, period: String?) -> FileReport {
        if let reason = Validator.skipReason(file) { return Validator.skipped(file, reason: reason) }
        let workbook: WorkbookData
        do {
            workbook = try load(file)
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
    public func validate(paths: [String], period: String?,
                         progress: (@Sendable (_ file: String) -> Void)? = nil) -> ValidationReport {
        let files = Validator.expand(paths)
        // Each worker reads its file once for a content fingerprint, then validates it; the
        // duplicates are settled afterwards, in input order, so the earliest copy counts.
        let results = ResultBox(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            if let reason = Validator.skipReason(file) {
                results.set(i, Validator.skipped(file, reason: reason), fingerprint: nil)
                progress?(file)
                return
            }
            let fingerprint = ContentFingerprint(path: file)
            results.set(i, validate(file: file, period: period), fingerprint: fingerprint)
            progress?(file)
        }
        var all: [FileReport] = []
        var firstByFingerprint: [ContentFingerprint: String] = [:]
        for (i, file) in files.enumerated() {
            let (report, fingerprint) = results.get(i)
            if let fingerprint {
                if let original = firstByFingerprint[fingerprint], ContentFingerprint.sameBytes(original, file) {
                    all.append(FileReport(path: file, status: .skipped, findings: [Finding(rule: "file.duplicate", severity: .info, file: file,
                        message: "与已读取的文件 \(original) 内容完全相同，不重复计入。")], submissions: []))
                    continue
                }
                if firstByFingerprint[fingerprint] == nil { firstByFingerprint[fingerprint] = file }
            }
            all.append(report)
        }
        Validator.crossFileDuplicates(&all)
        return ValidationReport(files: all)
    }

    /// Every regular .xlsx-like file under the paths, folders sorted by name; the registry left out.
    static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { out.append(p); continue }
            guard isDir.boolValue else { out.append(p); continue }
            let children = ((try? fm.subpathsOfDirectory(atPath: p)) ?? []).sorted()
            for c in children {
                let full = (p as NSString).appendingPathComponent(c)
                var d: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &d), !d.boolValue else { continue }
                let name = (c as NSString).lastPathComponent
                if name == "企业名录.xlsx" || name == "EXPECTED.tsv" || name.hasSuffix(".md") { continue }
                if (c as NSString).pathComponents.dropLast().contains(where: { $0.hasPrefix(".") }) { continue }
                out.append(full)
            }
        }
        return out
    }

    /// The same enterprise in two files of one period: identical rows are kept once, different
    /// rows make the later one an error (§6 enterprise.duplicate).
    static func crossFileDuplicates(_ reports: inout [FileReport]) {
        var seen: [String: (file: String, facts: [String: [String: Double]])] = [:]
        for i in reports.indices {
            var kept: [Submission] = []
            for s in reports[i].submissions {
                let key = s.uscc + "|" + s.period
                guard let first = seen[key] else { seen[key] = (reports[i].path, s.facts); kept.append(s); continue }
                if first.facts == s.facts { continue }
                reports[i].findings.append(Finding(rule: "enterprise.duplicate", severity: .error, file: reports[i].path,
                    sheet: s.sheet, cell: s.usccCell, field: "uscc", value: s.uscc,
                    message: "统一社会信用代码“\(s.uscc)”的 \(s.period) 数据已在 \(first.file) 中报送，且两处数据不同。请只保留一份正确的报表。"))
            }
            if kept.count != reports[i].submissions.count || reports[i].status != .skipped {
                reports[i].submissions = kept
                if reports[i].status != .skipped {
                    reports[i].status = FileReport.status(findings: reports[i].findings, submissions: kept)
                }
            }
        }
    }
}

/// Results written from concurrentPerform workers, one slot each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [(FileReport, ContentFingerprint?)?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: FileReport, fingerprint: ContentFingerprint?) { lock.lock(); slots[i] = (r, fingerprint); lock.unlock() }
    func get(_ i: Int) -> (FileReport, ContentFingerprint?) { lock.lock(); defer { lock.unlock() }; return slots[i]! }
}

/// Size and a 64-bit FNV-1a hash of a file's bytes: equal fingerprints are confirmed byte by byte
/// before a file is called a duplicate, so a hash collision can never hide a submission.
struct ContentFingerprint: Hashable, Sendable {
    var size: Int
    var hash: UInt64

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        size = data.count
        hash = data.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in raw.bindMemory(to: UInt8.self) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let x = FileManager.default.contents(atPath: a), let y = FileManager.default.contents(atPath: b) else { return false }
        return x == y
    }
}
