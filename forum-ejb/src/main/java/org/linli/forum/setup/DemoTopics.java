package org.linli.forum.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;
import org.linli.forum.post.Posting;
import org.linli.forum.problem.TopicEvent;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo's topics, so that a newcomer sees what the forum is for: a street-lamp problem that
 * staff answered officially and resolved, a leak that staff acknowledged, an open road-damage
 * report, an announcement, and a
 * discussion with a quote and a table. Written for the demo (not taken from any corpus), in
 * Chinese with English where a bilingual notice would have it. Stored as imported posts: the
 * demo tells nobody of them, and they are indexed for search like any post.
 */
@ApplicationScoped
class DemoTopics {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Posting posting;

    record Boards(Board property, Board construction, Board announcements, Board talk) {
    }

    record People(Member resident, Member moderator, Member staff) {
    }

    void seed(Boards boards, People people) {
        Instant now = Instant.now();
        leak(boards.property(), people, now.minus(Duration.ofDays(1).plusHours(6)));
        streetLamp(boards.construction(), people, now.minus(Duration.ofDays(3)));
        roadDamage(boards.construction(), people, now.minus(Duration.ofHours(5)));
        waterNotice(boards.announcements(), people, now.minus(Duration.ofDays(1)));
        parking(boards.talk(), people, now.minus(Duration.ofDays(2)));
    }

    private void streetLamp(Board board, People people, Instant at) {
        Topic topic = posting.openTopic(board, "幸福路 18 号门口路灯不亮", people.resident(), """
                幸福路 18 号门口的路灯已经连续三个晚上不亮了。晚上老人和孩子出门很不方便，\
                路口还有车经过，请有关部门尽快处理。""", at, true).getTopic();
        move(topic, people.staff(), ProblemStatus.ACKNOWLEDGED, "已转交街道市政养护所。", at.plus(Duration.ofHours(2)));
        Post answer = posting.reply(topic, people.staff(), """
                您好，已通知街道市政养护所。维修人员将于明天上午更换灯具，给您带来不便，敬请谅解。""",
                at.plus(Duration.ofHours(3)), true);
        topic.markOfficialAnswer(answer.getId(), topic.getId());
        move(topic, people.staff(), ProblemStatus.RESOLVED, "灯具已更换，恢复照明。", at.plus(Duration.ofDays(1)));
        posting.reply(topic, people.resident(), """
                > [staff #2](/p?id=%d)
                >
                > 维修人员将于明天上午更换灯具

                谢谢！昨晚路灯已经亮了。""".formatted(answer.getId()), at.plus(Duration.ofDays(1).plusHours(10)), true);
    }

    private void leak(Board board, People people, Instant at) {
        Topic topic = posting.openTopic(board, "3 号楼 2 单元楼道顶上漏水，一周没人管", people.resident(), """
                3 号楼 2 单元三楼楼道顶上一直在滴水，墙皮已经起泡，地上要放盆接着。

                上周给物业打过两次电话，都说会派人来看，到现在也没人来。""", at, true).getTopic();
        move(topic, people.staff(), ProblemStatus.ACKNOWLEDGED, "已联系物业公司，要求三日内上门查看漏点。", at.plus(Duration.ofHours(5)));
    }

    private void roadDamage(Board board, People people, Instant at) {
        posting.openTopic(board, "人民路与建设街路口路面塌陷", people.resident(), """
                路口东侧有一块路面塌陷，大约半米宽。下雨后积水，看不出有坑，骑电动车很容易摔倒。

                附近居民临时放了一个纸箱做提醒，请尽快派人来看看。""", at, true);
    }

    private void waterNotice(Board board, People people, Instant at) {
        posting.openTopic(board, "本周六上午停水通知 · Water off on Saturday morning", people.staff(), """
                因供水管道检修，本周六上午 8:00—12:00，1—6 号楼停水。请居民提前储水，关好水龙头。

                Because of pipe maintenance, buildings 1–6 will have no water this Saturday from 8:00 to 12:00. \
                Please store some water in advance and keep your taps closed.""", at, true);
    }

    private void parking(Board board, People people, Instant at) {
        Post opening = posting.openTopic(board, "小区停车位怎么分配更公平？", people.resident(), """
                物业给的最新数字：

                | 区域 | 车位 | 登记车辆 |
                |------|-----:|--------:|
                | 地面 | 120 | 168 |
                | 地下 | 80 | 75 |

                地面明显不够，地下却还有空位。大家觉得怎么分配比较公平？""", at, true);
        Post idea = posting.reply(opening.getTopic(), people.moderator(), """
                > [resident #1](/p?id=%d)
                >
                > 地面明显不够，地下却还有空位。

                可以先试三个月：地下车位降价，地面车位按登记时间轮换。大家有什么意见，欢迎在这里讨论。""".formatted(opening.getId()),
                at.plus(Duration.ofHours(4)), true);
        posting.reply(opening.getTopic(), people.resident(), """
                > [moderator #2](/p?id=%d)
                >
                > 地下车位降价

                赞成。另外建议给有老人和残障人士的家庭留几个地面车位。""".formatted(idea.getId()),
                at.plus(Duration.ofHours(6)), true);
    }

    private void move(Topic topic, Member actor, ProblemStatus to, String note, Instant at) {
        em.persist(TopicEvent.move(topic, actor, to, note, at));
    }
}
