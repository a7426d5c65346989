import Logging
import Rules
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to a file descriptor: dumps of million-row sheets must not pay a syscall per line.
final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let fd: Int32

    init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        bytes.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    func write(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
        if bytes.count >= 1 << 16 { flush() }
    }

    func write(byte: UInt8) { bytes.append(byte) }

    /// What was written so far, as text, instead of sending it to the descriptor.
    func takeString() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func flush() {
        guard !bytes.isEmpty else { return }
        Console.writeAll(fd, bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// A JSON string literal (UTF-8 kept as is; quotes, backslashes and controls escaped).
    func writeJSONString(_ s: String) { JSON.append(s, to: &bytes) }

    /// A CSV field, quoted when it holds a separator, quote or line break (RFC 4180).
    func writeCSVField(_ s: String) {
        if s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
            bytes.append(34)
            for b in s.utf8 {
                if b == 34 { bytes.append(34) }
                bytes.append(b)
            }
            bytes.append(34)
        } else {
            write(s)
        }
    }
}

enum Console {
    /// Set by `GlobalOptions.bootstrap`: with `--log-format json` messages become log events,
    /// with `--quiet` the closing summary is left out.
    private static let routing = Mutex<(logger: Logger?, quiet: Bool)>((nil, false))

    static func configure(logger: Logger?, quiet: Bool) {
        routing.withLock { $0 = (logger, quiet) }
    }

    static func error(_ message: String) {
        if let logger = routing.withLock({ $0.logger }) {
            let text = message.hasPrefix("parkstat: ") ? String(message.dropFirst("parkstat: ".count)) : message
            logger.error("\(text)")
            return
        }
        writeAll(STDERR_FILENO, Array((message + "\n").utf8))
    }

    /// The one line a command ends with (counts, time, where the output went).
    static func summary(_ message: String) {
        let (logger, quiet) = routing.withLock { $0 }
        if quiet { return }
        if let logger { logger.notice("\(message)"); return }
        writeAll(STDERR_FILENO, Array((message + "\n").utf8))
    }

    /// Writes everything, retrying short writes; a closed pipe ends the output quietly.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

/// Numbers as the dump writes them: integral values without a fraction, others shortest round-trip.
func formatNumber(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return d.description
}
