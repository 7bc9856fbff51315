package cn.subsidy.designer;

import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Staff;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators move running applications to a new version of their model (流程版本迁移):
 * {@code POST /api/admin/migrations/plan} shows what would move and what cannot,
 * {@code POST /api/admin/migrations} starts the batch that moves them, and
 * {@code GET /api/admin/migrations/{batchId}} follows it.
 */
@RestController
@RequestMapping("/api/admin/migrations")
class MigrationController {

  private final ProcessMigrations migrations;

  MigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  @PostMapping("/plan")
  MigrationReport plan(@RequestBody MigrationRequest request, Staff staff) {
    onlyAdministrators(staff);
    return migrations.plan(request);
  }

  @PostMapping
  ResponseEntity<MigrationReport> migrate(@RequestBody MigrationRequest request, Staff staff) {
    onlyAdministrators(staff);
    MigrationReport started = migrations.migrate(request, staff);
    return ResponseEntity.accepted().location(URI.create("/api/admin/migrations/" + started.batchId())).body(started);
  }

  @GetMapping("/{batchId}")
  MigrationReport.Progress progress(@PathVariable String batchId, Staff staff) {
    onlyAdministrators(staff);
    return migrations.progress(batchId);
  }

  private static void onlyAdministrators(Staff staff) {
    if (!staff.isAdmin()) {
      throw new AccessDeniedException("只有管理员可以迁移正在办理的申请 / Only administrators may migrate running "
          + "applications.");
    }
  }
}
