package emulator

import "maps"

// HookPhase says at which point of a request a Hook is called.
type HookPhase int

const (
	// BeforeHandle: the request passed auth and the rate limiter; any
	// fault it draws has not acted yet and the handler has not run, so
	// the request has changed nothing.
	BeforeHandle HookPhase = iota + 1

	// AfterHandle: the request is done but not yet answered. Whatever the
	// handler changes is changed, and the answer (or a fault's status, or
	// a dropped connection) goes out only when the hook returns, so a
	// client that has its answer knows the hook has seen the request
	// done. A request whose client went away during a fault's latency
	// gets AfterHandle when it ends, without an answer.
	AfterHandle
)

// String names the phase, for test messages.
func (p HookPhase) String() string {
	switch p {
	case BeforeHandle:
		return "BeforeHandle"
	case AfterHandle:
		return "AfterHandle"
	default:
		return "HookPhase(?)"
	}
}

// Hook observes API requests so that a test can interleave them: a hook
// that blocks in BeforeHandle holds its request back until the test lets it
// go, AfterHandle tells the test that a request is done, and a hook that
// blocks in AfterHandle holds back the answer of a request already done.
//
// A hook is called, on the request's own goroutine, with BeforeHandle for
// every API request that passed auth and the rate limiter, and then exactly
// once with AfterHandle for the same request. It is never called for admin
// requests, nor for requests refused by auth or the rate limiter. route is
// the route template as the counters spell it ("/queues/{id}", or
// "<unmatched>" for an unknown path), and params holds the path's
// parameters (a copy the hook may keep). The server holds no lock while a
// hook runs, so a blocked hook holds back only its own request, and a hook
// may call any Server method. Hooks run concurrently for concurrent
// requests: a hook must do its own synchronisation.
type Hook func(phase HookPhase, method, route string, params map[string]string)

// SetHook installs h for requests that arrive from now on; nil removes the
// hook. It is safe to call while requests are being served.
//
// A test that needs an agent update handled before a queue update reads its
// queue might write:
//
//	agentDone := make(chan struct{})
//	markDone := sync.OnceFunc(func() { close(agentDone) })
//	srv.SetHook(func(p emulator.HookPhase, method, route string, _ map[string]string) {
//		if p == emulator.BeforeHandle && method == "PUT" && route == "/queues/{id}" {
//			<-agentDone // hold the queue update back
//		}
//		if p == emulator.AfterHandle && method == "PUT" && route == "/agents/{id}" {
//			markDone()
//		}
//	})
func (s *Server) SetHook(h Hook) {
	if h == nil {
		s.hook.Store(nil)
		return
	}
	s.hook.Store(&h)
}

// callHook calls the hook installed when the request began, if any.
func callHook(h *Hook, phase HookPhase, method, route string, params map[string]string) {
	if h == nil {
		return
	}
	p := maps.Clone(params)
	if p == nil {
		p = map[string]string{}
	}
	(*h)(phase, method, route, p)
}
