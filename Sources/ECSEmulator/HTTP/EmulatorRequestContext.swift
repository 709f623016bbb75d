import Hummingbird
import NIOCore

/// The Hummingbird request context of the emulator; it keeps the channel so that an injected
/// "dropped connection" fault can close it.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
