package emulator

// defaultAdvancedSettings are a queue's advancedSettings when none are sent.
func defaultAdvancedSettings() map[string]any {
	return map[string]any{
		"preferredAgentTimeout":  map[string]any{"min": 0.0, "sec": 0.0},
		"isSkillMatchEnabled":    false,
		"isAffinityMatchEnabled": false,
	}
}
