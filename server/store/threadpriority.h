#pragma once

namespace Natter::Server {

// Background threads (checkpoints, the search index) run at a lower priority than the event loop and the
// WAL syncer, whose delays are what senders wait for: on a machine with few cores a checkpoint that is
// scheduled ahead of an fdatasync's wake-up shows up directly in the ack latency.
void lowerThisThreadsPriority();

} // namespace Natter::Server
