package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// getAdminConfig serves GET /_emulator/config: the readings in force, as
// JSON with defaults filled in, e.g.
//
//	{"listLimit":"default","listLimitCap":25,"hasMoreOnLastPage":false,
//	 "hasMoreNever":false,"listLimitEcho":false,"listFigures":"all",
//	 "listSkip":"honour","listPage":"honour","listPagingIgnored":false,
//	 "unknownStreamStatus":404,"unknownAccountStatus":401,"missingObjectStatus":404,
//	 "throttleStatus":429,"duplicateStatus":409,
//	 "campaignIdField":"documented","campaignPreparingReads":1,"campaignTransitionReads":0,
//	 "campaignAltPaths":false,"campaignPrintedPathsOnly":false,"campaignVoiceUpdateAsSms":false,"campaignMachineDetectEcho":false}
func (s *Server) getAdminConfig(w http.ResponseWriter) {
	writeAdmin(w, http.StatusOK, s.Readings())
}

// putAdminConfig serves PUT /_emulator/config, for an emulator running as
// its own process: the body is a JSON object with any of the members
// getAdminConfig answers, and only those sent change (0 or "" restores a
// default). It answers the readings now in force, or 400 with the error
// envelope, changing nothing, for an unknown member or a value no reading
// can use.
func (s *Server) putAdminConfig(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		writeAdmin(w, http.StatusBadRequest, envelope("reading config: "+err.Error(), http.StatusBadRequest))
		return
	}
	next := s.Readings()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&next); err != nil {
		writeAdmin(w, http.StatusBadRequest, envelope("config must be a JSON object with listLimit, listLimitCap, hasMoreOnLastPage, hasMoreNever, listLimitEcho, listFigures, listSkip, listPage, listPagingIgnored, unknownStreamStatus, unknownAccountStatus, missingObjectStatus, throttleStatus, duplicateStatus, campaignIdField, campaignPreparingReads, campaignTransitionReads, campaignAltPaths, campaignPrintedPathsOnly, campaignVoiceUpdateAsSms, campaignMachineDetectEcho: "+err.Error(), http.StatusBadRequest))
		return
	}
	if err := s.SetReadings(next); err != nil {
		writeAdmin(w, http.StatusBadRequest, envelope(err.Error(), http.StatusBadRequest))
		return
	}
	writeAdmin(w, http.StatusOK, s.Readings())
}
