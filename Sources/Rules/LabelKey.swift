import Foundation

/// A normalised label as a dictionary key. String hashes and compares by canonical equivalence, a
/// Unicode walk on every look-up; the key keeps the bytes of the NFC form instead, so byte equality
/// is exactly String equality. Text inside `FastText`'s set that is its own value text (all that
/// `Label.normalize` returns for it) is NFC already and serves as it is.
struct LabelKey: Hashable, @unchecked Sendable {
    private enum Storage {
        case owned(String)
        /// Plain bytes, valid only while a look-up runs: such keys are never stored.
        case borrowed(UnsafeBufferPointer<UInt8>)
    }
    private let storage: Storage

    init(_ s: String) {
        storage = .owned(FastText.isPlain(s) ? s : s.precomposedStringWithCanonicalMapping)
    }

    /// A key for text known to be plain (`FastText.isPlain`), without scanning it again: plain
    /// text is NFC already, so its bytes are its key.
    static func plain(_ s: String) -> LabelKey {
        exact(s)
    }

    /// A key on the bytes of `s` as they are, for memo tables: equal keys are equal texts, and
    /// two spellings of one canonical form are merely two entries.
    static func exact(_ s: String) -> LabelKey {
        LabelKey(storage: .owned(s))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// A key for looking up plain bytes (`FastText.isPlain`) without making a String of them.
    init(borrowing plain: UnsafeBufferPointer<UInt8>) {
        storage = .borrowed(plain)
    }

    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .owned(let s): FastText.withBytes(s, body)
        case .borrowed(let b): body(b)
        }
    }

    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(ByteHash.hash(UnsafeRawBufferPointer($0))) }
    }

    static func == (a: LabelKey, b: LabelKey) -> Bool {
        a.withBytes { x in b.withBytes { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }
}

/// Normalised labels to look cells up in. Most cells hold longer text than any of them: the
/// length settles those without hashing.
struct LabelSet: Sendable {
    let keys: Set<LabelKey>
    let maxBytes: Int
    /// One CJK ideograph of each label (nil when a label has none): see `mayLabel`.
    private let anchors: [UInt32]?

    init(_ labels: some Sequence<String>) {
        keys = Set(labels.map(LabelKey.init))
        maxBytes = labels.map(\.utf8.count).max() ?? 0
        let firsts = labels.map { $0.unicodeScalars.first { (0x4E00...0x9FFF).contains($0.value) }?.value }
        anchors = firsts.contains(nil) ? nil : Array(Set(firsts.compactMap { $0 }))
    }

    /// False when the label of `raw` cannot be one of the set, known without labelling it: a text
    /// made of `FastText`'s scalars keeps each CJK ideograph as it is and gains none, so a label
    /// holding an anchor comes only from a text holding it. True otherwise (and for other texts).
    /// Data rows' names and codes are ruled out this way instead of being labelled and kept.
    func mayLabel(_ raw: String) -> Bool {
        guard let anchors else { return true }
        return FastText.withBytes(raw) { b in
            var i = 0
            while i < b.count {
                let (u, len) = FastText.decode(b, i)
                if FastText.map(u) == nil || anchors.contains(u) { return true }
                i += len
            }
            return false
        }
    }
}

/// Label prefixes (the footer labels), compared as bytes when both sides are plain text, where a
/// byte prefix is exactly a Character prefix.
struct LabelPrefixes: Sendable {
    let labels: [String]
    private let plain: [[UInt8]]?

    init(_ labels: [String]) {
        self.labels = labels
        plain = labels.allSatisfy(FastText.isPlain) ? labels.map { Array($0.utf8) } : nil
    }

    func matches(_ text: String) -> Bool {
        if let plain, let hit = FastText.withBytes(text, { b in FastText.isPlain(b) ? plain.contains { b.starts(with: $0) } : nil }) {
            return hit
        }
        return labels.contains { text.hasPrefix($0) }
    }
}
