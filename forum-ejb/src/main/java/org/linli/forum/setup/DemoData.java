package org.linli.forum.setup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.board.BoardText;
import org.linli.forum.cluster.Leases;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * In demo mode (the default), the first start of an empty forum seeds four boards (named in
 * Chinese and English), a few topics that show what the forum is for ({@link DemoTopics}), and the
 * demo accounts (a resident, a moderator, a staff member and an administrator) whose passwords are in the README. In production mode it does nothing: there are
 * no default accounts.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@RunAs(Role.ADMIN_NAME)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** The demo accounts: username, email, password, role. */
    static final String[][] ACCOUNTS = {
            {"resident", "resident@demo.linli.invalid", "linli-resident", Role.RESIDENT.name()},
            {"moderator", "moderator@demo.linli.invalid", "linli-moderator", Role.MODERATOR.name()},
            {"staff", "staff@demo.linli.invalid", "linli-staff", Role.STAFF.name()},
            {"admin", "admin@demo.linli.invalid", "linli-admin", Role.ADMIN.name()},
    };

    @EJB
    private BoardService boardService;

    @EJB
    private MemberService memberService;

    @EJB
    private Leases leases;

    @Inject
    private DemoTopics demoTopics;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void seed() {
        if (ForumSettings.mode() != ForumSettings.Mode.DEMO) {
            return;
        }
        // Servers starting at once on a new database: the first seeds, the others then find it seeded.
        leases.lockUntilCommit(Leases.SETUP);
        if (!boardService.listBoards().isEmpty() || memberService.countMembers() > 0) {
            return;
        }
        Board property = boardService.createBoard(BoardText.of("物业管理", "物业服务、维修、收费与小区管理",
                "Property management", "Property services, repairs, fees and running the estate"), BoardKind.PROBLEMS);
        Board construction = boardService.createBoard(BoardText.of("城市建设", "道路、路灯、绿化与市政设施",
                "Urban construction", "Roads, street lamps, green spaces and public works"), BoardKind.PROBLEMS);
        Board announcements = boardService.createBoard(BoardText.of("社区公告", "街道与社区的通知和公告",
                "Community announcements", "Notices from the street office and the community"), BoardKind.ANNOUNCEMENTS);
        Board talk = boardService.createBoard(BoardText.of("邻里议事", "小区里的大事小情，大家商量着办",
                "Neighbourhood talk", "Talk over what concerns the neighbourhood"), BoardKind.DISCUSSION);
        Map<String, Member> members = new HashMap<>();
        for (String[] account : ACCOUNTS) {
            members.put(account[0], memberService.create(new Registration(account[0], account[1], account[2]), Role.valueOf(account[3])));
        }
        demoTopics.seed(new DemoTopics.Boards(property, construction, announcements, talk),
                new DemoTopics.People(members.get("resident"), members.get("moderator"), members.get("staff")));
        LOG.info("Demo mode: seeded four boards, a few topics and the demo accounts resident, moderator, staff and admin");
    }
}
