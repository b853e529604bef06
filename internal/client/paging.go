package client

// maxPages bounds a walk through a paged list, so a server that always says
// hasMore cannot loop the client for ever.
const maxPages = 10000

// morePages says whether a page is followed by another: hasMore, or a
// totalPages beyond it.
func morePages(page int, hasMore FlexBool, totalPages FlexInt) bool {
	if hasMore {
		return true
	}
	return totalPages > 0 && int64(page) < int64(totalPages)
}
