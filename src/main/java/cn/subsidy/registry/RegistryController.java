package cn.subsidy.registry;

import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Role;
import cn.subsidy.security.Staff;
import cn.subsidy.web.CsvUpload;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/registry/import}: county staff import their county's registry list. */
@RestController
class RegistryController {

  private final RegistryImporter importer;

  RegistryController(RegistryImporter importer) {
    this.importer = importer;
  }

  @PostMapping(path = "/api/registry/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
  RegistryImporter.Result importCsv(@RequestBody byte[] body, Staff staff) {
    if (!staff.hasRole(Role.REVIEWER) && !staff.hasRole(Role.SUPERVISOR)) {
      throw new AccessDeniedException("只有县级工作人员和管理员可以导入台账 / Only county staff and administrators may"
          + " import the registry.");
    }
    return importer.importCsv(CsvUpload.decode(body), staff);
  }
}
