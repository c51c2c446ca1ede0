/** Exit codes: 0 success, 1 unexpected failure, 2 bad input or a refused operation. */
export const EXIT_UNEXPECTED = 1;
export const EXIT_USER_ERROR = 2;
