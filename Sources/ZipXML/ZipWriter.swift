internal import CZip
import SheetModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a new zip archive under a temporary name in the destination folder and renames it into
/// place on `commit()`, so readers never see a half-written workbook. One owner per libzip handle.
///
/// libzip reads every source at `zip_close`, not when it is added: buffers are copied into malloc'd
/// memory that libzip frees, and files must stay in place until `commit()` returns.
public final class ZipWriter {
    /// One piece of an entry's content; an entry made of several is read in order, without copying.
    public enum Segment {
        case bytes([UInt8])
        /// A file read at `commit()` (e.g. rows streamed to a temporary file).
        case file(path: String)
    }

    private var handle: OpaquePointer?
    /// The final path, as given.
    public let path: String
    /// Where libzip writes until `commit()` renames it to `path`.
    public let temporaryPath: String
    /// Deflate level 1 (fast) … 9 (small); 6 is zlib's default.
    public let compressionLevel: Int
    private var committed = false

    /// 1980-01-01 00:00 local time: the earliest DOS timestamp. libzip converts `time_t` to DOS
    /// time with `localtime`, so building it with `mktime` gives the same bytes in every time zone.
    static let fixedModificationTime: time_t = {
        var t = tm()
        t.tm_year = 80
        t.tm_mon = 0
        t.tm_mday = 1
        t.tm_isdst = -1
        return mktime(&t)
    }()

    public init(path: String, compressionLevel: Int = 6) throws {
        self.path = path
        self.compressionLevel = min(max(compressionLevel, 1), 9)
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // Unique without creating the file: libzip refuses an existing empty file as "not a zip".
        temporaryPath = "\(folder).\(base).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        // libzip creates its file only at zip_close; fail now, before the caller streams rows.
        if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
            throw SheetError(.io, file: path, message: "无法创建输出工作簿（目录不存在或没有写入权限）",
                             underlying: String(cString: strerror(errno)))
        }
        var errorCode: Int32 = 0
        guard let h = zip_open(temporaryPath, ZIP_CREATE | ZIP_TRUNCATE, &errorCode) else {
            var err = zip_error_t()
            zip_error_init_with_code(&err, errorCode)
            defer { zip_error_fini(&err) }
            throw SheetError(.io, file: path, message: "无法创建输出工作簿（目录不存在或没有写入权限）",
                             underlying: String(cString: zip_error_strerror(&err)))
        }
        handle = h
    }

    deinit {
        if let handle { zip_discard(handle) }
        if !committed { unlink(temporaryPath) }
    }

    /// Adds an entry from memory.
    public func add(_ name: String, bytes: [UInt8]) throws {
        try add(name, segments: [.bytes(bytes)])
    }

    /// Adds an entry whose content is the concatenation of `segments`.
    public func add(_ name: String, segments: [Segment]) throws {
        guard let h = handle else { throw failure("归档已关闭，不能再添加部件", part: name) }
        let source: OpaquePointer?
        switch (segments.count, segments.first) {
        case (1, .bytes(let bytes)?) where bytes.isEmpty:
            // libzip keeps no fragment for an empty buffer, so it would never free a copy.
            source = zip_source_buffer(h, nil, 0, 0)
        case (1, .bytes(let bytes)?):
            // freep = 1: libzip frees the copy after zip_close, whatever happens to `bytes`.
            let copy = malloc(bytes.count)!
            bytes.withUnsafeBytes { if let b = $0.baseAddress { copy.copyMemory(from: b, byteCount: bytes.count) } }
            source = zip_source_buffer(h, copy, UInt64(bytes.count), 1)
            if source == nil { free(copy) }
        case (1, .file(let file)?):
            source = zip_source_file(h, file, 0, -1)
        default:
            let state = ConcatenatedSource(segments: segments)
            let context = Unmanaged.passRetained(state).toOpaque()
            source = zip_source_function(h, concatenatedSourceCallback, context)
            // Released by ZIP_SOURCE_FREE from here on; before that, by us.
            if source == nil { Unmanaged<ConcatenatedSource>.fromOpaque(context).release() }
        }
        guard let source else { throw libzipFailure(part: name) }
        let index = zip_file_add(h, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        if index < 0 {
            zip_source_free(source)
            throw libzipFailure(part: name)
        }
        let i = UInt64(index)
        guard zip_set_file_compression(h, i, ZIP_CM_DEFLATE, UInt32(compressionLevel)) == 0,
              zip_file_set_mtime(h, i, ZipWriter.fixedModificationTime, 0) == 0,
              // File sources would otherwise carry the temporary file's mode into the archive.
              zip_file_set_external_attributes(h, i, 0, UInt8(ZIP_OPSYS_DOS), 0) == 0
        else { throw libzipFailure(part: name) }
    }

    /// Writes the archive (libzip reads all sources now) and renames it into place.
    public func commit() throws {
        guard let h = handle else { throw failure("归档已关闭，不能重复保存", part: nil) }
        if zip_close(h) != 0 {
            let detail = String(cString: zip_error_strerror(zip_get_error(h)))
            zip_discard(h)
            handle = nil
            unlink(temporaryPath)
            throw SheetError(.io, file: path, message: "写入输出工作簿失败（磁盘已满或没有写入权限？）", underlying: detail)
        }
        handle = nil
        if rename(temporaryPath, path) != 0 {
            let detail = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw SheetError(.io, file: path, message: "无法把临时文件改名为输出工作簿", underlying: detail)
        }
        committed = true
    }

    private func libzipFailure(part: String) -> SheetError {
        let detail = handle.map { String(cString: zip_error_strerror(zip_get_error($0))) }
        return SheetError(.io, file: path, message: "无法向输出工作簿添加部件", part: part, underlying: detail)
    }

    private func failure(_ message: String, part: String?) -> SheetError {
        SheetError(.io, file: path, message: message, part: part)
    }
}

@available(*, unavailable) extension ZipWriter: Sendable {}

/// The state behind a `zip_source_function` that reads several segments as one stream.
private final class ConcatenatedSource {
    let segments: [ZipWriter.Segment]
    var current = 0
    var offset = 0
    var file: UnsafeMutablePointer<FILE>?
    var error = zip_error_t()
    var size: UInt64 = 0

    init(segments: [ZipWriter.Segment]) {
        self.segments = segments
        zip_error_init(&error)
    }

    deinit {
        if let file { fclose(file) }
        zip_error_fini(&error)
    }

    /// Sizes are taken when libzip asks (at `zip_close`), after the files are complete.
    func totalSize() -> Int64? {
        var total: Int64 = 0
        for segment in segments {
            switch segment {
            case .bytes(let b): total += Int64(b.count)
            case .file(let p):
                var st = stat()
                guard stat(p, &st) == 0 else { return nil }
                total += Int64(st.st_size)
            }
        }
        return total
    }

    func read(into out: UnsafeMutableRawPointer, count: Int) -> Int64 {
        var written = 0
        while written < count && current < segments.count {
            switch segments[current] {
            case .bytes(let b):
                let n = min(b.count - offset, count - written)
                b.withUnsafeBytes { (out + written).copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
                offset += n
                written += n
                if offset == b.count { current += 1; offset = 0 }
            case .file(let p):
                if file == nil {
                    file = fopen(p, "rb")
                    if file == nil { zip_error_set(&error, ZIP_ER_OPEN, errno); return -1 }
                }
                let n = fread(out + written, 1, count - written, file)
                if n == 0 {
                    if ferror(file) != 0 { zip_error_set(&error, ZIP_ER_READ, errno); return -1 }
                    fclose(file)
                    file = nil
                    current += 1
                }
                written += n
            }
        }
        return Int64(written)
    }
}

private func bit(_ cmd: zip_source_cmd_t) -> Int64 { Int64(1) << Int64(cmd.rawValue) }

private let concatenatedSourceCallback: zip_source_callback = { context, data, length, command in
    let state = Unmanaged<ConcatenatedSource>.fromOpaque(context!).takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_OPEN:
        state.current = 0
        state.offset = 0
        return 0
    case ZIP_SOURCE_READ:
        return state.read(into: data!, count: Int(length))
    case ZIP_SOURCE_CLOSE:
        if let f = state.file { fclose(f); state.file = nil }
        return 0
    case ZIP_SOURCE_STAT:
        guard let size = state.totalSize() else {
            zip_error_set(&state.error, ZIP_ER_READ, errno)
            return -1
        }
        let st = data!.assumingMemoryBound(to: zip_stat_t.self)
        zip_stat_init(st)
        st.pointee.size = UInt64(size)
        st.pointee.valid |= UInt64(ZIP_STAT_SIZE)
        return Int64(MemoryLayout<zip_stat_t>.size)
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&state.error, data!, length)
    case ZIP_SOURCE_FREE:
        Unmanaged<ConcatenatedSource>.fromOpaque(context!).release()
        return 0
    case ZIP_SOURCE_SUPPORTS:
        return bit(ZIP_SOURCE_OPEN) | bit(ZIP_SOURCE_READ) | bit(ZIP_SOURCE_CLOSE) | bit(ZIP_SOURCE_STAT)
            | bit(ZIP_SOURCE_ERROR) | bit(ZIP_SOURCE_FREE) | bit(ZIP_SOURCE_SUPPORTS)
    default:
        zip_error_set(&state.error, ZIP_ER_OPNOTSUPP, 0)
        return -1
    }
}
