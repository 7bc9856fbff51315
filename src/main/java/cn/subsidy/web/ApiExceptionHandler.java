package cn.subsidy.web;

import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.NotAuthenticatedException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns the product's exceptions into {@code application/problem+json} answers. It comes before Spring's
 * own problem-details handler so that even a body Jackson cannot read names the field at fault.
 */
@RestControllerAdvice(basePackages = "cn.subsidy")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("errors", e.problems());
    return respond(problem);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return invalid(new InvalidRequestException(field, "“" + field + "”的类型不对（例如应为对象、文字或数字）/ " + field
          + " has the wrong type."));
    }
    return invalid(new InvalidRequestException("body",
        "请求内容不是有效的 JSON / The body is not valid JSON."));
  }

  @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
      MissingServletRequestPartException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ProblemDetail> missing(Exception e) {
    String field = "request";
    if (e instanceof MissingRequestHeaderException h) {
      field = h.getHeaderName();
    } else if (e instanceof MissingServletRequestParameterException p) {
      field = p.getParameterName();
    } else if (e instanceof MissingServletRequestPartException p) {
      field = p.getRequestPartName();
    } else if (e instanceof MethodArgumentTypeMismatchException m) {
      field = m.getName();
    }
    return invalid(new InvalidRequestException(field, "缺少或无效：" + field + " / Missing or invalid: " + field));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "不支持的内容类型 / Unsupported content type: " + e.getContentType()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件太大 / The file is too large."));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    return invalid(new InvalidRequestException("file",
        "请以 multipart/form-data 上传名为 file 的文件 / Upload the document as multipart/form-data part 'file'."));
  }

  /**
   * 401 with a Basic challenge for API clients. The product's own pages (they send X-Requested-With)
   * get no challenge: the browser would answer it with its login dialog instead of letting the page
   * point to the Tasklist login.
   */
  @ExceptionHandler(NotAuthenticatedException.class)
  ResponseEntity<ProblemDetail> unauthenticated(NotAuthenticatedException e, HttpServletRequest request) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.UNAUTHORIZED);
    if (request.getHeader("X-Requested-With") == null) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"employment-subsidy\", charset=\"UTF-8\"");
    }
    return answer.body(problem(HttpStatus.UNAUTHORIZED, e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return respond(problem(HttpStatus.FORBIDDEN, e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return respond(problem(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    return respond(problem(HttpStatus.CONFLICT, e.getMessage()));
  }

  /** The database is unreachable: say so and let the client retry; nothing was written. */
  @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
      TransientDataAccessResourceException.class, QueryTimeoutException.class})
  ResponseEntity<ProblemDetail> databaseDown(Exception e) {
    log.warn("Database unavailable: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE,
            "数据库暂时不可用，请稍后重试；本次请求未保存任何内容 / The database is unavailable; nothing was saved. "
                + "Please try again shortly."));
  }

  /**
   * The database went away in the middle of the request (a failed rollback, an engine command whose
   * connection broke): the same clean 503, since the transaction did not commit. Anything else is a
   * real fault and goes on to the 500 handling.
   */
  @ExceptionHandler({TransactionSystemException.class, DataAccessException.class, ProcessEngineException.class})
  ResponseEntity<ProblemDetail> connectionLost(Exception e) throws Exception {
    if (!lostConnection(e)) {
      throw e;
    }
    return databaseDown(e);
  }

  static boolean lostConnection(Throwable e) {
    // A rollback that failed on a dead connection hides the statement's own error, which says why.
    if (e instanceof TransactionSystemException failed && failed.getApplicationException() != null
        && lostConnection(failed.getApplicationException())) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException
          || t instanceof SQLException sql && (sql.getSQLState() != null
              && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
              || "Connection is closed".equals(sql.getMessage()))) {
        return true;
      }
    }
    return false;
  }

  static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("errors", List.of());
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
