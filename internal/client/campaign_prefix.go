package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
)

// Three Campaign Management pages print, for their route, a prefix other
// than the base path campaign/api/v2/public/{streamId}/ that every other
// page of the family prints:
//
//   - Start Voice Campaign (v2)
//     (https://docs.kore.ai/ai-for-service/apis/contact-center/start-voice-campaign-v2) and
//     Stop Voice Campaign (v2)
//     (https://docs.kore.ai/ai-for-service/apis/contact-center/stop-voice-campaign-v2)
//     print /api/v2/public/{streamId}/campaign/trigger/{id}?…;
//   - Create SMS Campaign (Advanced Format (v2))
//     (https://docs.kore.ai/ai-for-service/apis/contact-center/create-sms-campaign-advanced-format-v2)
//     prints /api/v2/public/{streamId}/campaign?campaignType=sms…;
//   - Add Contacts to Contact List
//     (https://docs.kore.ai/ai-for-service/apis/contact-center/add-contacts-to-contact-list)
//     prints /api/1.1/public/{IID}/campaign/contactList/addContacts.
//
// The client sends these to the base path first, and when that answers
// 404, once to the printed prefix. The prefix that worked is remembered
// per client and route, so that later calls go straight there. This is
// the one place that rule lives.

// The prefixes the pages print: campaignAltRootV2 for the voice
// start/stop and the advanced SMS create, contactListAddAltRoot for the
// add of contacts to a list.
const (
	campaignAltRootV2     = "api/v2/public"
	contactListAddAltRoot = "api/1.1/public"
)

// printedRoute names a route whose page prints another prefix.
type printedRoute int

const (
	routeVoiceTrigger printedRoute = iota // start and stop of a voice campaign
	routeAdvancedSMSCreate
	routeAddContacts
	printedRoutes
)

// printedRoot is the prefix the page of each route prints.
var printedRoot = [printedRoutes]string{
	routeVoiceTrigger:      campaignAltRootV2,
	routeAdvancedSMSCreate: campaignAltRootV2,
	routeAddContacts:       contactListAddAltRoot,
}

// printedPrefixes remembers, per route, that the base path answered 404
// and the printed prefix answered: later calls go to the printed prefix
// alone.
type printedPrefixes [printedRoutes]atomic.Bool

// campaignAtEither sends a request of route by send, given the root its
// URL goes below: the printed prefix when that is remembered to work;
// otherwise the base path, and when that answers 404 (a route the base
// does not serve, or an object that does not exist), once the printed
// prefix. An answer there is remembered. When the printed prefix answers
// 404 too, the base path's error is answered as it was; any other failure
// there is answered beside it (errors.As finds the base path's 404 first).
func (c *Client) campaignAtEither(ctx context.Context, route printedRoute, send func(ctx context.Context, root string) error) error {
	alt := printedRoot[route]
	if c.printed[route].Load() {
		return send(ctx, alt)
	}
	err := send(ctx, campaignRootPath)
	if !isStatus(err, http.StatusNotFound) {
		return err
	}
	altErr := send(ctx, alt)
	switch {
	case altErr == nil:
		c.printed[route].Store(true)
		return nil
	case isStatus(altErr, http.StatusNotFound):
		return err
	}
	return fmt.Errorf("%w; and at the prefix its page prints (/%s/): %w", err, alt, altErr)
}

// isStatus reports whether err is an *APIError with the status code.
func isStatus(err error, code int) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == code
}
