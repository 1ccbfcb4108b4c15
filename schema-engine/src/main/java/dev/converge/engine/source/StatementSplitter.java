package dev.converge.engine.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the text of a state file into statements, the way psql would, without a database.
 *
 * <p>A semicolon ends a statement only outside of quotes, comments and parentheses, and outside of the
 * {@code BEGIN ATOMIC ... END} body of a SQL-standard function or procedure. Understood lexical forms:
 * {@code '...'} with {@code ''}, {@code E'...'} with backslash escapes, {@code "..."} identifiers,
 * {@code $$...$$} and {@code $tag$...$tag$} dollar quotes, {@code --} comments and nested {@code /* *}{@code /}
 * comments. The {@code BEGIN ATOMIC} tracking copies psql's heuristic (psqlscan.l): in a statement starting
 * with {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, {@code BEGIN} opens a block, {@code CASE} opens one
 * when already inside a block, {@code END} closes one.
 *
 * <p>Unterminated quotes or comments extend to the end of the file; PostgreSQL reports them when the statement
 * runs. psql meta-commands ({@code \connect} …) are not interpreted.
 */
public final class StatementSplitter {

    private static final Set<String> ROUTINE_HEADER_WORDS = Set.of("create", "or", "replace", "function", "procedure");

    private StatementSplitter() {
    }

    public static List<SqlStatement> split(String file, String text) {
        return new Scan(file, text).run();
    }

    /** The state of one pass over one file. */
    private static final class Scan {
        private final String file;
        private final String text;
        private final LineIndex lines;
        private final List<SqlStatement> statements = new ArrayList<>();

        private int pos;
        private int statementStart = -1;
        private int parenDepth;
        private int beginDepth;
        private int wordCount;
        private final char[] headerWords = new char[4];
        private int previousEndLine;

        Scan(String file, String text) {
            this.file = file;
            this.text = text;
            this.lines = new LineIndex(text);
        }

        List<SqlStatement> run() {
            int n = text.length();
            while (pos < n) {
                char c = text.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '-' && peek(1) == '-') {
                    skipLineComment();
                } else if (c == '/' && peek(1) == '*') {
                    skipBlockComment();
                } else {
                    if (statementStart < 0) {
                        statementStart = pos;
                    }
                    scanToken(c);
                }
            }
            if (statementStart >= 0) {
                emit(n);
            }
            return statements;
        }

        private void scanToken(char c) {
            if (c == '\'') {
                skipQuoted('\'', false);
            } else if (c == '"') {
                skipQuoted('"', false);
            } else if (c == '$' && SqlTokens.dollarTag(text, pos) != null) {
                skipDollarQuoted();
            } else if (c == '(') {
                parenDepth++;
                pos++;
            } else if (c == ')') {
                parenDepth = Math.max(0, parenDepth - 1);
                pos++;
            } else if (c == ';') {
                if (parenDepth == 0 && beginDepth == 0) {
                    emit(pos);
                    pos++;
                } else {
                    pos++;
                }
            } else if (isIdentifierStart(c)) {
                scanWord();
            } else if (Character.isDigit(c)) {
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
            } else {
                pos++;
            }
        }

        private void scanWord() {
            int start = pos;
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            if (pos - start == 1 && (text.charAt(start) == 'E' || text.charAt(start) == 'e') && peek(0) == '\'') {
                skipQuoted('\'', true);
                return;
            }
            trackRoutineBlocks(start, pos);
        }

        /** psql's heuristic for the BEGIN ATOMIC ... END body of SQL-standard routines. */
        private void trackRoutineBlocks(int start, int end) {
            int count = wordCount++;
            if (count >= headerWords.length && !isRoutine()) {
                return; // the common case: not a routine, no need to look at the word
            }
            if (count < headerWords.length) {
                for (String header : ROUTINE_HEADER_WORDS) {
                    if (isWord(start, end, header)) {
                        headerWords[count] = header.charAt(0);
                    }
                }
            }
            if (!isRoutine() || parenDepth != 0) {
                return;
            }
            if (isWord(start, end, "begin")) {
                beginDepth++;
            } else if (isWord(start, end, "case") && beginDepth >= 1) {
                beginDepth++;
            } else if (isWord(start, end, "end") && beginDepth > 0) {
                beginDepth--;
            }
        }

        private boolean isRoutine() {
            return headerWords[0] == 'c'
                    && (headerWords[1] == 'f' || headerWords[1] == 'p'
                    || (headerWords[1] == 'o' && headerWords[2] == 'r' && (headerWords[3] == 'f' || headerWords[3] == 'p')));
        }

        private boolean isWord(int start, int end, String lowerCase) {
            return end - start == lowerCase.length() && text.regionMatches(true, start, lowerCase, 0, lowerCase.length());
        }

        private void skipQuoted(char quote, boolean backslashEscapes) {
            pos = SqlTokens.skipQuoted(text, pos, quote, backslashEscapes);
        }

        private void skipDollarQuoted() {
            String tag = SqlTokens.dollarTag(text, pos);
            int close = text.indexOf(tag, pos + tag.length());
            pos = close < 0 ? text.length() : close + tag.length();
        }

        private void skipLineComment() {
            int end = text.indexOf('\n', pos);
            pos = end < 0 ? text.length() : end + 1;
        }

        private void skipBlockComment() {
            pos = SqlTokens.skipBlockComment(text, pos);
        }

        private void emit(int end) {
            String sql = text.substring(statementStart, end).stripTrailing();
            if (!sql.isEmpty()) {
                int line = lines.lineOf(statementStart);
                int column = lines.columnOf(statementStart);
                statements.add(new SqlStatement(file, statements.size(), sql, line, column, commentsAbove(line)));
            }
            previousEndLine = lines.lineOf(Math.max(statementStart, Math.min(end, text.length() - 1)));
            statementStart = -1;
            parenDepth = 0;
            beginDepth = 0;
            wordCount = 0;
            java.util.Arrays.fill(headerWords, '\0');
        }

        /** The run of {@code --} lines directly above {@code line} that belongs to no earlier statement. */
        private List<String> commentsAbove(int line) {
            List<String> comments = new ArrayList<>();
            for (int l = line - 1; l > previousEndLine && l >= 1; l--) {
                String content = lines.line(l).strip();
                if (!content.startsWith("--")) {
                    break;
                }
                comments.add(0, content.substring(2).strip());
            }
            return comments;
        }

        private char peek(int offset) {
            int i = pos + offset;
            return i < text.length() ? text.charAt(i) : '\0';
        }
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }

    /** Offsets of line starts, to turn a character offset into 1-based line and column. */
    static final class LineIndex {
        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        int columnOf(int offset) {
            return offset - starts[lineOf(offset) - 1] + 1;
        }

        String line(int line) {
            int start = starts[line - 1];
            int end = line < starts.length ? starts[line] - 1 : text.length();
            return text.substring(start, Math.max(start, end));
        }
    }
}
