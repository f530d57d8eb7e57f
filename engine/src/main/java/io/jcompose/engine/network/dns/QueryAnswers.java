package io.jcompose.engine.network.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Decides what a query gets: the network's own names are answered here (A records; NOERROR with no
 * answer, "NODATA", for any other type of a known name, never REFUSED, which makes busybox's
 * nslookup fail although the A record exists); everything else is for the upstream servers.
 */
final class QueryAnswers {

  /** Docker's embedded server uses the same. */
  static final long TTL_SECONDS = 600;

  /** What to do with one query. */
  sealed interface Decision {
    /**
     * Send this back; over UDP cut to {@code udpLimit} bytes (512, or what the client announced
     * with EDNS), with the TC flag set if that drops records.
     */
    record Reply(Message response, int udpLimit) implements Decision {}

    /** Ask the upstream servers; {@code query} is the client's parsed query. */
    record Forward(Message query) implements Decision {}

    /** Not a DNS message at all: say nothing. */
    record Ignore() implements Decision {}
  }

  static final int PLAIN_UDP_LIMIT = 512;

  private final NameTable table;

  QueryAnswers(NameTable table) {
    this.table = table;
  }

  Decision decide(byte[] wire) {
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException e) {
      if (wire.length < 12) {
        return new Decision.Ignore();
      }
      var error = new Message(((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF));
      error.getHeader().setFlag(Flags.QR);
      error.getHeader().setRcode(Rcode.FORMERR);
      return new Decision.Reply(error, PLAIN_UDP_LIMIT);
    }
    if (query.getHeader().getFlag(Flags.QR)) {
      return new Decision.Ignore();
    }
    Record question = query.getQuestion();
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      return reply(query, response(query, Rcode.NOTIMP, false));
    }
    if (question == null) {
      return reply(query, response(query, Rcode.FORMERR, false));
    }
    if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
      return new Decision.Forward(query);
    }
    Name name = question.getName();
    if (question.getType() == Type.PTR) {
      Optional<Message> reverse = reverse(query, name);
      if (reverse.isPresent()) {
        return reply(query, reverse.get());
      }
    }
    List<Inet4Address> addresses = table.addresses(name.toString(true));
    if (addresses.isEmpty()) {
      return new Decision.Forward(query);
    }
    Message answer = response(query, Rcode.NOERROR, true);
    if (question.getType() == Type.A || question.getType() == Type.ANY) {
      var shuffled = new ArrayList<>(addresses);
      Collections.shuffle(shuffled);
      for (Inet4Address address : shuffled) {
        answer.addRecord(new ARecord(name, DClass.IN, TTL_SECONDS, address), Section.ANSWER);
      }
    }
    return reply(query, answer);
  }

  private static Decision reply(Message query, Message response) {
    OPTRecord opt = query.getOPT();
    int limit = opt == null ? PLAIN_UDP_LIMIT : Math.max(PLAIN_UDP_LIMIT, opt.getPayloadSize());
    return new Decision.Reply(response, limit);
  }

  /** The answer when nothing upstream can be asked (none configured): the name does not exist. */
  static Message nameError(Message query) {
    return response(query, Rcode.NXDOMAIN, false);
  }

  /** The answer when every upstream server failed. */
  static Message serverFailure(Message query) {
    return response(query, Rcode.SERVFAIL, false);
  }

  private Optional<Message> reverse(Message query, Name name) {
    InetAddress address;
    try {
      address = ReverseMap.fromName(name);
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!(address instanceof Inet4Address)) {
      return Optional.empty();
    }
    return table
        .nameOf((Inet4Address) address)
        .map(
            target -> {
              Message answer = response(query, Rcode.NOERROR, true);
              try {
                answer.addRecord(
                    new PTRRecord(name, DClass.IN, TTL_SECONDS, Name.fromString(target, Name.root)),
                    Section.ANSWER);
              } catch (TextParseException e) {
                return response(query, Rcode.SERVFAIL, false);
              }
              return answer;
            });
  }

  private static Message response(Message query, int rcode, boolean authoritative) {
    var response = new Message(query.getHeader().getID());
    var header = response.getHeader();
    header.setFlag(Flags.QR);
    header.setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    if (authoritative) {
      header.setFlag(Flags.AA);
    }
    header.setRcode(rcode);
    Record question = query.getQuestion();
    if (question != null) {
      response.addRecord(question, Section.QUESTION);
    }
    return response;
  }
}
