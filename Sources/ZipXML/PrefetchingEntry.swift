import Dispatch
import SheetModel

/// A source of inflated chunks; each chunk stays valid until the next call.
public protocol ChunkReader: AnyObject {
    var part: String { get }
    func nextChunk() throws -> UnsafeRawBufferPointer?
}

extension ZipEntryStream: ChunkReader {}

/// Inflates a large entry on a second thread while the caller parses: inflating is a fifth of the
/// work of reading a sheet, so overlapping it brings a big sheet close to the parse alone.
/// The producer opens its own libzip handle on the file, since libzip handles are not thread-safe.
public final class PrefetchingEntry: ChunkReader, @unchecked Sendable {
    public let part: String
    private static let slotCount = 4
    private static let slotSize = 256 << 10
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// Bytes in each slot (-1: failed). Raw memory, not a Swift array: the producer writes one slot
    /// while the consumer reads another, and a stored array would make those two conflicting
    /// accesses to one property (a data race under Swift's exclusivity rules and ThreadSanitizer).
    private let lengths: UnsafeMutableBufferPointer<Int>
    private var failure: Error?
    private let filled = DispatchSemaphore(value: 0)
    // Starts at 0 and is signalled up: libdispatch traps when a semaphore is freed below its initial value.
    private let free = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var cancelled = false  // written by the consumer before it signals `free`
    private var consumerSlot = 0
    private var holding = false
    private var done = false

    init(path: String, part: String, limits: ZipLimits) {
        self.part = part
        buffers = (0..<PrefetchingEntry.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: PrefetchingEntry.slotSize, alignment: 16)
        }
        lengths = .allocate(capacity: PrefetchingEntry.slotCount)
        lengths.initialize(repeating: 0)
        for _ in 0..<PrefetchingEntry.slotCount { free.signal() }
        DispatchQueue.global().async { [self] in produce(path: path, limits: limits) }
    }

    deinit {
        if !done {
            cancelled = true
            free.signal()
            finished.wait()
        }
        buffers.forEach { $0.deallocate() }
        lengths.deallocate()
    }

    private func produce(path: String, limits: ZipLimits) {
        defer { finished.signal() }
        var slot = 0
        do {
            let archive = try ZipArchive(path: path, limits: limits)
            guard let stream = try archive.openEntry(part) else {
                throw SheetError(.missingPart, file: path, message: "找不到部件", part: part)
            }
            while true {
                free.wait()
                if cancelled { return }
                let n = try stream.read(into: buffers[slot])
                lengths[slot] = n
                filled.signal()
                if n == 0 { return }
                slot = (slot + 1) % PrefetchingEntry.slotCount
            }
        } catch {
            failure = error
            lengths[slot] = -1
            filled.signal()
        }
    }

    public func nextChunk() throws -> UnsafeRawBufferPointer? {
        if done { return nil }
        if holding {
            // The caller is done with the previous chunk: hand its slot back.
            consumerSlot = (consumerSlot + 1) % PrefetchingEntry.slotCount
            holding = false
            free.signal()
        }
        filled.wait()
        let n = lengths[consumerSlot]
        if n <= 0 {
            done = true
            finished.wait()
            if n < 0, let failure { throw failure }
            return nil
        }
        holding = true
        return UnsafeRawBufferPointer(rebasing: buffers[consumerSlot][0..<n])
    }
}

extension ZipArchive {
    /// Entries whose compressed size passes this are inflated on a second thread.
    public static let prefetchThreshold: Int64 = 4 << 20

    /// A chunk reader for an entry: prefetching for large entries, direct for small ones.
    public func openChunks(_ name: String) throws -> ChunkReader? {
        guard let stream = try openEntry(name) else { return nil }
        if stream.compressedSize >= ZipArchive.prefetchThreshold {
            return PrefetchingEntry(path: path, part: name, limits: limits)
        }
        return stream
    }
}
