internal import CZip
import SheetModel

/// Inflates one entry in chunks, counting what it actually produces: a zip header may lie about
/// sizes, so the caps are enforced on inflated bytes, never on declared ones.
public final class ZipEntryStream {
    private var file: OpaquePointer?
    private let owner: ZipArchive  // keeps the archive open while the entry is read
    public let part: String
    let compressedSize: Int64
    public private(set) var inflated: Int64 = 0
    /// The buffer `nextChunk()` fills, allocated on first use.
    private var scratch: UnsafeMutableRawBufferPointer?

    init(file: OpaquePointer, owner: ZipArchive, part: String, compressedSize: Int64) {
        self.file = file
        self.owner = owner
        self.part = part
        self.compressedSize = compressedSize
    }

    deinit {
        if let file { zip_fclose(file) }
        scratch?.deallocate()
    }

    /// Chunk-wise reading into the stream's own buffer (see `ChunkReader`).
    public func nextChunk() throws -> UnsafeRawBufferPointer? {
        let buffer = scratch ?? .allocate(byteCount: XMLPushParser.chunkSize, alignment: 16)
        scratch = buffer
        let n = try read(into: buffer)
        return n == 0 ? nil : UnsafeRawBufferPointer(rebasing: buffer[0..<n])
    }

    /// Fills `buffer` with up to its size; 0 at the end of the entry. The CRC is checked by libzip
    /// when the end is reached.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let file, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let n = zip_fread(file, base, UInt64(buffer.count))
        if n < 0 {
            let detail = String(cString: zip_error_strerror(zip_file_get_error(file)))
            close()
            throw owner.corrupt(part: part, detail: detail)
        }
        if n == 0 { close(); return 0 }
        inflated += n
        let limits = owner.limits
        if inflated > limits.maxPartBytes {
            close()
            throw SheetError(.tooLarge, file: owner.path,
                             message: "部件解压后超过 \(limits.maxPartBytes >> 20) MiB 的上限，疑似压缩炸弹，已拒绝读取", part: part)
        }
        if inflated > limits.ratioGraceBytes && inflated > max(compressedSize, 1) * limits.maxRatio {
            close()
            throw SheetError(.tooLarge, file: owner.path,
                             message: "部件压缩比异常（超过 \(limits.maxRatio):1），疑似压缩炸弹，已拒绝读取", part: part)
        }
        return Int(n)
    }

    private func close() {
        if let file { zip_fclose(file) }
        file = nil
    }
}

@available(*, unavailable) extension ZipEntryStream: Sendable {}
