internal import CZip
import SheetModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only zip archive. One owner per libzip handle; entries are looked up by normalised name
/// (case-insensitive, `\` as `/`, no leading `/`), since producers disagree on all three.
public final class ZipArchive {
    private let handle: OpaquePointer
    public let path: String
    public let limits: ZipLimits
    /// The file's bytes when it was opened from memory: libzip reads them until the archive is discarded.
    private let bytes: FileBytes?
    /// Normalised entry name → index; the first of duplicate names wins, as Excel does.
    private var index: [String: UInt64] = [:]
    /// Entry names as stored, in central-directory order.
    public private(set) var entryNames: [String] = []

    /// Opens `path`, first telling non-zip files apart so each gets its own rule ID and message.
    public convenience init(path: String, limits: ZipLimits = .default) throws {
        try ZipArchive.checkSignature(path: path)
        var errorCode: Int32 = 0
        let h = zip_open(path, ZIP_RDONLY, &errorCode)
        var err = zip_error_t()
        zip_error_init_with_code(&err, errorCode)
        defer { zip_error_fini(&err) }
        try self.init(path: path, handle: h, error: &err, bytes: nil, limits: limits)
    }

    /// Opens a file already read into memory (`path` names it in messages); the same checks and
    /// messages as reading it from disk.
    public convenience init(path: String, bytes: FileBytes, limits: ZipLimits = .default) throws {
        try ZipArchive.checkSignature(path: path, bytes: bytes.bytes)
        var err = zip_error_t()
        zip_error_init(&err)
        defer { zip_error_fini(&err) }
        var h: OpaquePointer?
        if let source = zip_source_buffer_create(bytes.bytes.baseAddress, UInt64(bytes.count), 0, &err) {
            h = zip_open_from_source(source, ZIP_RDONLY, &err)
            if h == nil { zip_source_free(source) }    // on success the archive owns the source
        }
        try self.init(path: path, handle: h, error: &err, bytes: bytes, limits: limits)
    }

    private init(path: String, handle h: OpaquePointer?, error err: inout zip_error_t, bytes: FileBytes?, limits: ZipLimits) throws {
        self.path = path
        self.limits = limits
        self.bytes = bytes
        guard let h else {
            let detail = String(cString: zip_error_strerror(&err))
            throw SheetError(.corrupt, file: path, message: "文件已损坏，无法作为 .xlsx 打开（zip 结构错误），请重新导出或重新发送", underlying: detail)
        }
        handle = h
        let count = zip_get_num_entries(h, 0)
        if count <= 0 {
            // deinit runs once every stored property is set, and discards the handle.
            throw SheetError(.corrupt, file: path, message: "文件是空的 zip 压缩包，不含任何工作簿内容，请重新导出")
        }
        for i in 0..<UInt64(count) {
            guard let cname = zip_get_name(h, i, ZIP_FL_ENC_GUESS) else { continue }
            let name = String(cString: cname)
            entryNames.append(name)
            let key = ZipArchive.normalise(name)
            if index[key] == nil { index[key] = i }
        }
    }

    deinit { zip_discard(handle) }

    /// The key entries are looked up by. ASCII names (nearly all) are done byte by byte: mapping
    /// and lowercasing by `Character` cost more than opening a small workbook's parts.
    public static func normalise(_ name: String) -> String {
        if let ascii = name.utf8.withContiguousStorageIfAvailable(asciiNormalised), let ascii { return ascii }
        var s = String(name.map { $0 == "\\" ? "/" : $0 })
        while s.hasPrefix("/") { s.removeFirst() }
        return s.lowercased()
    }

    /// The same as the general path for ASCII; nil for any other name.
    private static func asciiNormalised(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
        let slash = UInt8(ascii: "/"), backslash = UInt8(ascii: "\\")
        var start = 0
        while start < b.count && (b[start] == slash || b[start] == backslash) { start += 1 }
        return String(unsafeUninitializedCapacity: b.count - start) { out in
            for i in start..<b.count {
                let c = b[i]
                out[i - start] = c == backslash ? slash : c &- UInt8(ascii: "A") < 26 ? c | 0x20 : c
            }
            return b.count - start
        }
    }

    public func contains(_ name: String) -> Bool { index[ZipArchive.normalise(name)] != nil }

    /// Opens a streaming reader on an entry; nil when the archive has no such entry.
    public func openEntry(_ name: String) throws -> ZipEntryStream? {
        guard let i = index[ZipArchive.normalise(name)] else { return nil }
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(handle, i, 0, &st) == 0 else {
            throw corrupt(part: name, detail: String(cString: zip_error_strerror(zip_get_error(handle))))
        }
        if st.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != UInt16(ZIP_EM_NONE) {
            throw SheetError(.encrypted, file: path, message: "工作簿部件已加密，请取消密码保护后重新保存为 .xlsx 再发送", part: name)
        }
        guard let f = zip_fopen_index(handle, i, 0) else {
            throw corrupt(part: name, detail: String(cString: zip_error_strerror(zip_get_error(handle))))
        }
        let compressed = st.valid & UInt64(ZIP_STAT_COMP_SIZE) != 0 ? Int64(clamping: st.comp_size) : 0
        return ZipEntryStream(file: f, owner: self, part: name, compressedSize: compressed)
    }

    /// Reads a whole (small) entry into memory, under the same limits as streaming.
    public func read(_ name: String) throws -> [UInt8]? {
        guard let stream = try openEntry(name) else { return nil }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    func corrupt(part: String, detail: String) -> SheetError {
        SheetError(.corrupt, file: path, message: "文件已损坏，部件无法解压，请重新导出或重新发送", part: part, underlying: detail)
    }

    /// Rejects non-zip files with the rule that names what they are.
    static func checkSignature(path: String) throws {
        guard let fp = fopen(path, "rb") else {
            throw SheetError(.io, file: path, message: "无法打开文件（不存在或没有读取权限）", underlying: String(cString: strerror(errno)))
        }
        defer { fclose(fp) }
        var head = [UInt8](repeating: 0, count: 4096)
        let n = fread(&head, 1, head.count, fp)
        head.removeSubrange(n...)
        let kind = FileKind.sniff(head: head) { needle in
            // OLE directories can sit anywhere; scan the whole (small, bounded) container.
            rewind(fp)
            var buf = [UInt8](repeating: 0, count: 1 << 20)
            var carry: [UInt8] = []
            while true {
                let got = fread(&buf, 1, buf.count, fp)
                if got == 0 { return false }
                let window = carry + buf[0..<got]
                if window.contains(subsequence: needle) { return true }
                carry = Array(window.suffix(needle.count - 1))
            }
        }
        try reject(kind, path: path)
    }

    /// `checkSignature(path:)` for a file in memory.
    static func checkSignature(path: String, bytes: UnsafeRawBufferPointer) throws {
        let all = bytes.bindMemory(to: UInt8.self)
        let kind = FileKind.sniff(head: Array(all.prefix(4096))) { needle in all.contains(subsequence: needle) }
        try reject(kind, path: path)
    }

    private static func reject(_ kind: FileKind, path: String) throws {
        switch kind {
        case .zip: return
        case .emptyFile:
            throw SheetError(.notXLSX, file: path, message: "文件为空（0 字节），不是 Excel 工作簿，请重新发送")
        case .encryptedOLE:
            throw SheetError(.encrypted, file: path, message: "工作簿设有打开密码，无法读取；请取消密码保护后另存为 .xlsx 再发送")
        case .legacyXLS:
            throw SheetError(.notXLSX, file: path, message: "这是旧版 Excel 97-2003 (.xls) 或 WPS (.et) 格式的文件，请另存为 .xlsx 后再发送")
        case .html:
            throw SheetError(.notXLSX, file: path, message: "这是网页 (HTML) 表格改名而成，不是 Excel 工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx")
        case .text:
            throw SheetError(.notXLSX, file: path, message: "这是文本或 CSV 文件改名而成，不是 Excel 工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx")
        case .unknown:
            throw SheetError(.notXLSX, file: path, message: "不是 Excel 工作簿（缺少 zip 文件头），请另存为 .xlsx 后再发送")
        }
    }
}

@available(*, unavailable) extension ZipArchive: Sendable {}
