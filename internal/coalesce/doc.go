// Package coalesce makes one call do the work of many concurrent callers:
// a Batcher sends their records in one bulk call, a Load reads what they all
// want once, and a Group is the context such shared work runs on. Its timers
// run on a Clock, so tests drive time instead of sleeping.
//
// It knows nothing of Terraform or of the SmartAssist API: the provider's
// stores decide what to batch and what a result means.
package coalesce
