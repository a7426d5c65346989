import Synchronization

/// What the header readers learnt about a cell text, kept from one file to the next: the month's
/// sheets repeat a handful of templates, so the same labels come back in every file, and working
/// each out again (normalising, matching against every alias) was a quarter of the checking.
/// Whole header rows come back too: their readings are kept as well (`header`).
/// Entries are `SheetGrid.Labelled`, whose parts are filled in as they are first asked for, so
/// one cache is used by one thread at a time: a file takes one from its matcher's pool and gives
/// it back when done (see `LabelCachePool`).
final class LabelCache: @unchecked Sendable {
    /// By the bytes of the raw text: String hashing walks non-ASCII text by canonical equivalence.
    private var entries: [LabelKey: SheetGrid.Labelled] = [:]
    /// Enterprise names and codes in the first rows of summary sheets are texts that do not come
    /// back: the cache starts over rather than grow with them.
    static let limit = 4096

    func labelled(_ raw: String) -> SheetGrid.Labelled {
        LabelCache.remember(LabelKey.exact(raw), in: &entries) { SheetGrid.Labelled(raw: raw) }
    }

    var count: Int { entries.count }

    /// Header readings by what they read (`HeaderKey`); the cache belongs to one schema, whose
    /// matcher and ignored labels every reading uses.
    private var headers: [HeaderKey: HeaderScan] = [:]
    static let headerLimit = 512

    func header(_ key: HeaderKey, _ read: () -> HeaderScan) -> HeaderScan {
        LabelCache.remember(key, in: &headers, limit: LabelCache.headerLimit, read)
    }

    var headerCount: Int { headers.count }

    /// What texts above a table declare (`TitleInfo`), and what they label (`LongLayout.metadata`).
    private var declarations: [LabelKey: TitleInfo.Declared] = [:]
    private var metadata: [LabelKey: LongLayout.MetadataText] = [:]

    var declaredCount: Int { declarations.count }
    var metadataCount: Int { metadata.count }

    /// What the text before a colon labels (see `ColonText`), by that text's bytes.
    private var beforeColon: [LabelKey: FieldSpec?] = [:]
    var beforeColonCount: Int { beforeColon.count }

    private func field(before colon: Substring, matcher: LabelMatcher) -> FieldSpec? {
        LabelCache.remember(LabelKey.exact(String(colon)), in: &beforeColon) {
            matcher.match(Label.normalize(Label.normalizeValueText(String(colon))).text)?.field
        }
    }

    /// A text without a colon declares nothing; nor does one whose label before the colon is no
    /// period and that holds neither 位 nor 报 (see `TitleInfo.Declared`). Those are most of the
    /// lines that differ from file to file, and are not kept.
    func declared(_ raw: String, matcher: LabelMatcher) -> TitleInfo.Declared {
        switch ColonText.split(raw) {
        case .noColon:
            return TitleInfo.Declared(unit: nil, period: nil)
        case .colon(let t) where !t.hasUnitOrReportWord && field(before: t.before, matcher: matcher)?.kind != .period:
            return TitleInfo.Declared(unit: nil, period: nil)
        default:
            return LabelCache.remember(LabelKey.exact(raw), in: &declarations) { TitleInfo.Declared(raw, matcher: matcher) }
        }
    }

    /// A text with a colon is its label's field and the value after the colon, worked out from the
    /// label kept by itself (see `ColonText`).
    func metadataText(_ raw: String, matcher: LabelMatcher) -> LongLayout.MetadataText {
        if case .colon(let t) = ColonText.split(raw) {
            return LongLayout.MetadataText(field: field(before: t.before, matcher: matcher), after: t.after)
        }
        return LabelCache.remember(LabelKey.exact(raw), in: &metadata) { LongLayout.MetadataText(raw, matcher: matcher) }
    }

    /// The value for `key` in `table`, worked out and kept when missing; the table starts over when full.
    private static func remember<K: Hashable, V>(_ key: K, in table: inout [K: V], limit: Int = LabelCache.limit,
                                                 _ make: () -> V) -> V {
        if let known = table[key] { return known }
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        let v = make()
        table[key] = v
        return v
    }
}

/// The label caches of one `LabelMatcher`: what a cell matches depends on that matcher's aliases,
/// so its caches live with it. One per thread at a time: a worker takes one for a file and gives
/// it back, and the lock hands it over.
final class LabelCachePool: Sendable {
    private let free = Mutex<[LabelCache]>([])

    func take() -> LabelCache {
        free.withLock { $0.popLast() } ?? LabelCache()
    }

    func give(_ cache: LabelCache) {
        free.withLock { $0.append(cache) }
    }
}
