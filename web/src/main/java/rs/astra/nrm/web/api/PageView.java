package rs.astra.nrm.web.api;

import java.util.List;

/**
 * One page of a list answered by the API.
 *
 * @param page the page number, 0-based
 * @param size rows per page asked for
 * @param total rows in all pages
 * @param items this page's rows
 * @param <T> the row type
 */
public record PageView<T>(int page, int size, long total, List<T> items) {}
